#include "report/diagram.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>
#include <stdexcept>
#include <unordered_set>

#include "core/amount.hpp"
#include "report/diagram_legend.hpp"
#include "report/diagram_quote.hpp"
#include "report/diagram_style.hpp"

namespace crashchain {
namespace {

constexpr std::string_view kFont = "Helvetica,Arial,sans-serif";
/// Characters per line of an entity's name in its box.
constexpr std::size_t kNameWidth = 22;
/// Above this many contracts the layout effort is capped (see header()).
constexpr std::size_t kLargeDiagramContracts = 200;

std::string number(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", value);
    return buffer;
}

void check_overlay(const Network& network, const DiagramOverlay& overlay) {
    for (const auto& [entity, mark] : overlay.entities) {
        if (entity >= network.entity_count()) {
            throw std::invalid_argument("diagram overlay marks entity index " +
                                        std::to_string(entity) + " outside the network");
        }
    }
    for (const auto& [contract, mark] : overlay.contracts) {
        if (contract >= network.contract_count()) {
            throw std::invalid_argument("diagram overlay marks contract index " +
                                        std::to_string(contract) + " outside the network");
        }
    }
    std::vector<bool> grouped(network.entity_count(), false);
    for (const auto& group : overlay.groups) {
        for (EntityIndex member : group.members) {
            if (member >= network.entity_count()) {
                throw std::invalid_argument("diagram group \"" + group.title +
                                            "\" names an entity index outside the network");
            }
            if (grouped[member]) {
                throw std::invalid_argument("diagram groups overlap at entity " +
                                            network.id(member) + " (groups must be disjoint)");
            }
            grouped[member] = true;
        }
    }
}

/// DOT node names: the entity ids where DOT can spell them, else a unique stand-in.
std::vector<std::string> node_names(const Network& network) {
    std::vector<std::string> names(network.entity_count());
    std::unordered_set<std::string> taken;
    for (const auto& entity : network.entities()) taken.insert(entity.id);
    for (EntityIndex i = 0; i < network.entity_count(); ++i) {
        if (auto name = dot_text::node_name(network.id(i))) {
            names[i] = std::move(*name);
            continue;
        }
        std::string stand_in = "entity #" + std::to_string(i);
        while (taken.count(stand_in) != 0) stand_in += "'";
        taken.insert(stand_in);
        names[i] = *dot_text::node_name(stand_in);
    }
    return names;
}

std::optional<Dollars> key_figure(const Entity& entity, KeyFigure figure) {
    switch (figure) {
        case KeyFigure::capital: return entity.effective_capital();
        case KeyFigure::valuation: return entity.valuation;
        case KeyFigure::revenue: return entity.revenue;
        case KeyFigure::none: return std::nullopt;
    }
    return std::nullopt;
}

std::string_view key_figure_name(KeyFigure figure) {
    switch (figure) {
        case KeyFigure::capital: return "capital";
        case KeyFigure::valuation: return "valuation";
        case KeyFigure::revenue: return "revenue";
        case KeyFigure::none: return "";
    }
    return "";
}

/// Line width from the amount on a log scale across this network's amounts: 1 to 5 points.
class WidthScale {
public:
    explicit WidthScale(const Network& network) {
        for (const auto& c : network.contracts()) {
            if (!(c.amount > 0)) continue;
            low_ = std::min(low_, std::log(c.amount));
            high_ = std::max(high_, std::log(c.amount));
        }
    }
    [[nodiscard]] double operator()(Dollars amount) const {
        if (!(amount > 0) || !(high_ > low_)) return amount > 0 ? 2.0 : 1.0;
        return 1.0 + 4.0 * (std::log(amount) - low_) / (high_ - low_);
    }

private:
    double low_ = HUGE_VAL;
    double high_ = -HUGE_VAL;
};

std::string contract_label(const Contract& c) {
    std::string amount = format_amount(c.amount);
    if (c.status == ContractStatus::estimate) amount = "~" + amount;
    return std::string(to_string(c.kind)) + " " + amount + std::string(status_suffix(c.status));
}

std::string contract_tooltip(const Network& network, const Contract& c) {
    std::string text = network.id(c.from) + " -> " + network.id(c.to) + ": " +
                       std::string(to_string(c.kind)) + " " + format_amount(c.amount) + ", " +
                       std::string(to_string(c.status));
    if (c.stake) text += ", stake " + number(*c.stake * 100) + "%";
    for (std::string_view key : {"label", "date", "source", "note"}) {
        const auto value = find_attribute(c.attributes, key);
        if (!value.empty()) text += "\n" + std::string(key) + ": " + std::string(value);
    }
    return text;
}

std::string entity_tooltip(const Entity& e) {
    std::string text = e.id + " (" + (e.type.empty() ? std::string("other") : e.type) + ")";
    if (!e.label.empty() && e.label != e.id) text += "\n" + e.label;
    const std::pair<std::string_view, const std::optional<Dollars>*> figures[] = {
        {"capital", &e.capital},         {"assets", &e.assets},
        {"liabilities", &e.liabilities}, {"valuation", &e.valuation},
        {"revenue", &e.revenue}};
    for (const auto& [name, value] : figures) {
        if (value->has_value()) text += "\n" + std::string(name) + " " + format_amount(**value);
    }
    if (!e.capital && e.effective_capital()) {
        text += "\ncapital " + format_amount(*e.effective_capital()) + " (assets - liabilities)";
    }
    return text;
}

class DotWriter {
public:
    DotWriter(const Network& network, const DiagramOverlay& overlay, const DiagramOptions& options)
        : network_(network), overlay_(overlay), options_(options),
          names_(node_names(network)), widths_(network),
          marked_(network.entity_count(), false), drawn_(network.entity_count(), true) {
        for (const auto& [entity, mark] : overlay.entities) marked_[entity] = true;
        for (const auto& [contract, mark] : overlay.contracts) {
            marked_[network.contract(contract).from] = true;
            marked_[network.contract(contract).to] = true;
        }
        if (options.hide_isolated) {
            std::vector<bool> kept = marked_;
            for (const auto& c : network.contracts()) kept[c.from] = kept[c.to] = true;
            for (const auto& group : overlay.groups) {
                for (EntityIndex member : group.members) kept[member] = true;
            }
            drawn_ = std::move(kept);
        }
    }

    std::string write() {
        header();
        std::vector<bool> in_group(network_.entity_count(), false);
        for (std::size_t g = 0; g < overlay_.groups.size(); ++g) {
            const auto& group = overlay_.groups[g];
            out_ << "  subgraph cluster_group_" << g << " {\n    label="
                 << dot_text::quoted(group.title) << "; style=\"rounded,dashed\"; color="
                 << dot_text::quoted(group.color.empty() ? "#555555" : group.color)
                 << "; fontsize=14; penwidth=1.5;\n";
            for (EntityIndex member : group.members) {
                out_ << "  ";
                entity(member);
                in_group[member] = true;
            }
            out_ << "  }\n";
        }
        for (EntityIndex i = 0; i < network_.entity_count(); ++i) {
            if (!in_group[i] && drawn_[i]) entity(i);
        }
        for (ContractIndex c = 0; c < network_.contract_count(); ++c) contract(c);
        if (options_.legend) out_ << diagram_legend(network_, overlay_, drawn_, legend_prefix());
        out_ << "}\n";
        return out_.str();
    }

private:
    void header() {
        const std::string name = network_.name.empty() ? "network" : network_.name;
        const std::string title = options_.title.empty() ? name : options_.title;
        Dollars volume = 0;
        for (const auto& c : network_.contracts()) volume += c.amount;
        const auto hidden = static_cast<std::size_t>(std::count(drawn_.begin(), drawn_.end(), false));
        const auto count = [](std::size_t n, const char* one, const char* many) {
            return std::to_string(n) + " " + (n == 1 ? one : many);
        };
        std::string stats = count(network_.entity_count(), "entity", "entities");
        if (hidden != 0) stats += " (" + std::to_string(hidden) + " without contracts not shown)";
        stats += ", " + count(network_.contract_count(), "contract", "contracts") + ", " +
                 format_amount(volume) + " in total";
        std::string comment = dot_text::valid_utf8(title);  // one line, whatever the title
        std::replace_if(comment.begin(), comment.end(),
                        [](char c) { return static_cast<unsigned char>(c) < 0x20; }, ' ');
        out_ << "// crashchain diagram: " << comment
             << " (render with `crashchain dot -o FILE.svg` or Graphviz `dot -Tsvg`)\n";
        out_ << "digraph " << dot_text::node_name(name).value_or("network") << " {\n";
        // A table rather than <BR/> lines: descenders of the large title would touch the
        // line below.
        out_ << "  graph [label=<<TABLE BORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\">"
             << "<TR><TD><FONT POINT-SIZE=\"22\"><B>" << dot_text::html(title)
             << "</B></FONT></TD></TR>";
        if (!overlay_.subtitle.empty()) {
            out_ << "<TR><TD><FONT POINT-SIZE=\"15\">" << dot_text::html(overlay_.subtitle)
                 << "</FONT></TD></TR>";
        }
        out_ << "<TR><TD><FONT POINT-SIZE=\"12\">" << dot_text::html(stats)
             << "</FONT></TD></TR></TABLE>>, labelloc=t, fontname=\"" << kFont << "\", rankdir="
             << (options_.rankdir == RankDir::top_bottom ? "TB" : "LR")
             << ", splines=true, overlap=false, concentrate=false, outputorder=edgesfirst,"
                " nodesep=0.25, ranksep=0.5, pad=0.3, bgcolor=white"
                // Global ranking: every edge spans at least one rank, so no edge is flat. With
                // clusters (the legend, circular groups), Graphviz 2.42's old ranking makes
                // labelled flat edges on the first rank, whose extra rank dot later frees twice
                // (flat.c abomination; seen under valgrind on the built-in network).
                ", newrank=true";
        if (network_.contract_count() > kLargeDiagramContracts) {
            // dot's crossing reduction and coordinate optimisation grow much faster than the
            // graph: capped, a few hundred contracts lay out in seconds instead of minutes.
            out_ << ", nslimit=10, mclimit=0.5";
        }
        out_ << "];\n";
        out_ << "  node [fontname=\"" << kFont
             << "\", fontsize=12, margin=\"0.12,0.05\", penwidth=1.2];\n";
        out_ << "  edge [fontname=\"" << kFont << "\", fontsize=10, arrowsize=0.8];\n";
    }

    void entity(EntityIndex i) {
        const Entity& e = network_.entity(i);
        const EntityTypeStyle& type = entity_type_style(e.type);
        const auto mark = overlay_.entities.find(i);
        const bool faded = overlay_.fade_unmarked && !marked_[i];
        std::string fill(type.fill), border(type.border), text(kTextColor);
        double pen = 1.2;
        std::string note;
        if (mark != overlay_.entities.end()) {
            // A fill from the overlay replaces the type colour (the shape still tells the
            // type); a dark outline keeps it crisp on any fill.
            if (!mark->second.fill.empty()) {
                fill = mark->second.fill;
                border = kMarkedBorder;
            } else if (mark->second.round) {
                fill = round_fill(*mark->second.round);
                border = kMarkedBorder;
            }
            text = text_color_on(fill);
            if (mark->second.bold) pen = 2.6;
            note = mark->second.note;
        } else if (faded) {
            fill = FadedStyle::fill;
            border = FadedStyle::border;
            text = FadedStyle::text;
        }
        const std::string name = options_.names == NodeNames::id
                                     ? e.id
                                     : dot_text::box_name(e.display_name(), kNameWidth);
        out_ << "  " << names_[i] << " [label=<<B>" << dot_text::html(name) << "</B>";
        if (auto figure = key_figure(e, options_.figure)) {
            out_ << "<BR/><FONT POINT-SIZE=\"10\">" << key_figure_name(options_.figure) << " "
                 << dot_text::html(format_amount(*figure)) << "</FONT>";
        }
        if (!note.empty()) {
            out_ << "<BR/><FONT POINT-SIZE=\"10\"><I>" << dot_text::html(note) << "</I></FONT>";
        }
        out_ << ">, shape=" << type.shape << ", style=\"" << type.style
             << "\", fillcolor=" << dot_text::quoted(fill) << ", color=" << dot_text::quoted(border)
             << ", fontcolor=" << dot_text::quoted(text) << ", penwidth=" << number(pen);
        if (type.peripheries != 1) out_ << ", peripheries=" << type.peripheries;
        out_ << ", tooltip=" << dot_text::quoted(entity_tooltip(e)) << "];\n";
    }

    void contract(ContractIndex index) {
        const Contract& c = network_.contract(index);
        const ContractKindStyle& kind = contract_kind_style(c.kind);
        const auto mark = overlay_.contracts.find(index);
        const bool marked = mark != overlay_.contracts.end();
        const bool faded = overlay_.fade_unmarked && !marked;
        std::string color(kind.color);
        std::string text_color(kind.color);
        double pen = widths_(c.amount);
        if (marked) {
            color = mark->second.color.empty() ? std::string(kEmphasisColor) : mark->second.color;
            text_color = color;
            pen += 1.5;
        } else if (faded) {
            color = FadedStyle::edge;
            text_color = FadedStyle::text;
            pen = std::min(pen, 2.0);
        } else if (is_non_binding(c.status)) {
            color += "99";  // translucent: a commitment that may not happen
        }
        out_ << "  " << names_[c.from] << " -> " << names_[c.to]
             << " [color=" << dot_text::quoted(color) << ", style=" << kind.style
             << ", penwidth=" << number(pen);
        if (is_non_binding(c.status)) out_ << ", arrowhead=onormal";
        if (options_.edge_labels || (marked && !mark->second.label.empty())) {
            const std::string label =
                marked && !mark->second.label.empty() ? mark->second.label : contract_label(c);
            out_ << ", label=" << dot_text::quoted(label)
                 << ", fontcolor=" << dot_text::quoted(text_color);
        }
        out_ << ", tooltip=" << dot_text::quoted(contract_tooltip(network_, c)) << "];\n";
    }

    /// A node-name prefix for legend samples that no entity id starts with.
    std::string legend_prefix() const {
        std::string prefix = "legend:";
        const auto clashes = [&](const std::string& p) {
            return std::any_of(network_.entities().begin(), network_.entities().end(),
                               [&](const Entity& e) { return e.id.rfind(p, 0) == 0; });
        };
        while (clashes(prefix)) prefix = "_" + prefix;
        return prefix;
    }

    const Network& network_;
    const DiagramOverlay& overlay_;
    const DiagramOptions& options_;
    std::vector<std::string> names_;
    WidthScale widths_;
    std::vector<bool> marked_;
    std::vector<bool> drawn_;
    std::ostringstream out_;
};

}  // namespace

std::string diagram_dot(const Network& network, const DiagramOverlay& overlay,
                        const DiagramOptions& options) {
    check_overlay(network, overlay);
    return DotWriter(network, overlay, options).write();
}

}  // namespace crashchain
