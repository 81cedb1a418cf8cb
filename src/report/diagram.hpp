#pragma once
// Diagrams of a network for a report (SPEC 5 `crashchain dot`): a styled Graphviz DOT text
// (entity type -> shape and colour, contract kind -> line style, amount -> line width, status ->
// arrowhead and label, a legend) and its rendering to SVG/PNG/PDF through Graphviz gvc in-process.
// Analyses draw on top of it with a DiagramOverlay: emphasised entities (e.g. coloured by default
// round) and contracts (e.g. a cycle), groups drawn as clusters, everything else faded.
// The visual vocabulary is in diagram_style.hpp and docs/diagrams.md.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/network.hpp"

namespace crashchain {

/// Emphasis of one entity. An entity with a mark is never faded.
struct EntityMark {
    /// Default round (0 = shocked): the fill comes from round_fill() unless `fill` is set, and
    /// the legend gets one entry per round present (`shocked`, `round 1`, ...).
    std::optional<unsigned> round;
    std::string fill;     ///< `#rrggbb` fill colour; empty = by round, else the type colour
    std::string note;     ///< extra label line, e.g. `lost $12B`
    bool bold = true;     ///< thicker outline
};

/// Emphasis of one contract: drawn thicker in `color` (emphasis red if empty).
struct ContractMark {
    std::string color;
    std::string label;  ///< replaces the usual `kind $amount` label when not empty
};

/// Entities drawn together in a titled box (a Graphviz cluster), e.g. a strongly connected
/// component. Groups must be disjoint: Graphviz cannot draw an entity in two boxes.
struct EntityGroup {
    std::string title;
    std::vector<EntityIndex> members;
    std::string color;  ///< outline colour; empty = dark grey
};

/// An extra legend line: a filled box (`edge` = false) or a line sample (`edge` = true).
struct LegendEntry {
    std::string caption;
    std::string color;
    bool edge = false;
};

/// What an analysis adds to the plain diagram. Empty = the plain network diagram.
struct DiagramOverlay {
    std::string subtitle;                         ///< second title line, e.g. the scenario
    std::map<EntityIndex, EntityMark> entities;
    std::map<ContractIndex, ContractMark> contracts;
    std::vector<EntityGroup> groups;
    std::vector<LegendEntry> legend;              ///< after the automatic round entries
    /// Draw unmarked entities and contracts in light grey. Entities at either end of a marked
    /// contract count as marked (a highlighted cycle keeps its entities readable).
    bool fade_unmarked = false;
    /// Legend caption for unmarked entities (e.g. `survivor`); no entry when empty.
    std::string unmarked_caption;
};

/// Direction of the money flow on the page. Left-to-right suits labelled nodes and landscape
/// pages (each rank is a column, so long names cost width once per rank).
enum class RankDir : unsigned char { left_right, top_bottom };
/// The figure on each entity's second label line.
enum class KeyFigure : unsigned char { capital, valuation, revenue, none };
/// What names an entity's box: its display name shortened to fit (parenthesised qualifiers
/// dropped, wrapped at 22 characters; the full name stays in the tooltip), or its exact id.
enum class NodeNames : unsigned char { label, id };

struct DiagramOptions {
    std::string title;  ///< empty = the network name (or `network` if it has none)
    RankDir rankdir = RankDir::left_right;
    KeyFigure figure = KeyFigure::capital;
    NodeNames names = NodeNames::label;
    bool legend = true;
    bool edge_labels = true;
};

/// The styled DOT text of `network` with `overlay` drawn on top. Entity ids are the DOT node
/// names (quoted as needed), so the text parses back with cgraph; an id that no DOT spelling can
/// express (an odd run of backslashes before a quote or at the end) gets a stand-in name and
/// keeps its true id in the label. std::invalid_argument if the overlay names an entity or
/// contract the network does not have, or puts an entity in two groups.
[[nodiscard]] std::string diagram_dot(const Network& network, const DiagramOverlay& overlay = {},
                                      const DiagramOptions& options = {});

/// Above these sizes laying out takes minutes and the picture is unreadable: render_diagram
/// refuses (InputError) unless RenderOptions::force. Counts include the legend. Measured on
/// seeded heavy-tailed random networks (docs/diagrams.md): 400 contracts lay out in under 10 s,
/// 500 in about 30 s, 1000 in about 6 minutes; isolated or sparse entities cost little.
inline constexpr std::size_t kMaxDiagramNodes = 500;
inline constexpr std::size_t kMaxDiagramEdges = 400;

struct RenderOptions {
    bool force = false;  ///< lay out even above kMaxDiagramNodes / kMaxDiagramEdges
};

/// Output types by extension (case-insensitive): `.dot`/`.gv` write the DOT text, `.svg`,
/// `.png`, `.pdf` are laid out with `dot` and rendered by Graphviz gvc in-process. The file is
/// written atomically: nothing is left behind on failure. InputError for an unknown extension,
/// an unwritable path or a graph over the size limits; std::runtime_error (an internal error)
/// with Graphviz's own message if Graphviz fails.
void render_diagram(const std::string& dot_text, const std::string& path,
                    const RenderOptions& options = {});

/// The rendered bytes for `format` (`svg`, `png` or `pdf`), for callers that embed them.
[[nodiscard]] std::string render_diagram_data(const std::string& dot_text,
                                              const std::string& format,
                                              const RenderOptions& options = {});

}  // namespace crashchain
