#pragma once
// Line numbers for diagnostics where the parsing library does not keep them. Computed only
// when a file has a problem (readers convert once without lines and, if anything is wrong,
// once more with them), so correct files pay nothing.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace crashchain {
class Diagnostics;
class Network;
}  // namespace crashchain

namespace crashchain::detail {

/// What every reader says about a NUL byte (or JSON \u0000): no text format carries one.
inline constexpr std::string_view kNulByte =
    "NUL byte (expected UTF-8 text; is the file UTF-16 or binary?)";

/// cgraph does not count the line breaks inside quoted strings: its line `cgraph_line` is the
/// last real line (1-based) on which its counter reads that number.
[[nodiscard]] std::size_t dot_real_line(std::string_view text, std::size_t cgraph_line);

/// Runs the whole-network checks (check_network) and throws their problems, adding the line of
/// the entity named in each one, as `line_of(entity index)` reports it (a function so that
/// correct files never build the line index). `contracts_file` as for check_network.
void check_network_located(const Network& network, std::string_view file,
                           const std::function<std::optional<std::size_t>(std::uint32_t)>& line_of,
                           std::string_view contracts_file = {});

/// Line (1-based) of byte `offset` in `text`.
[[nodiscard]] std::size_t line_of_offset(std::string_view text, std::size_t offset);

/// Where each element of the top-level "entities" and "contracts" arrays of a JSON text starts.
struct JsonElementLines {
    std::vector<std::size_t> entities;
    std::vector<std::size_t> contracts;
};
[[nodiscard]] JsonElementLines locate_json_elements(std::string_view text);

/// Longest DOT token (quoted string, HTML string, id, comment, run of blanks) the reader
/// hands to cgraph, whose lexer takes time quadratic in the length of one token.
inline constexpr std::size_t kMaxDotToken = std::size_t{256} << 10;

struct LongToken {
    std::string_view what;  ///< e.g. "a quoted string"
    std::size_t line;       ///< where it starts
};
/// The first token longer than `limit` bytes, if any. One pass, no allocation.
[[nodiscard]] std::optional<LongToken> find_long_dot_token(std::string_view text,
                                                           std::size_t limit);

/// Lines where a top-level `graph`/`digraph` starts in a DOT text (cgraph reads only the first).
[[nodiscard]] std::vector<std::size_t> dot_graph_lines(std::string_view text);

/// cgraph keeps no line numbers, so a light DOT tokenizer finds them: the first line where a
/// node id is used as a node, and the line of each `tail -> head` edge (in file order, so the
/// n-th contract between a pair maps to the n-th such edge). Edges written with subgraphs
/// (`a -> {b c}`) are not located; their contracts fall back to the tail's line.
class DotLines {
public:
    explicit DotLines(std::string_view text);
    [[nodiscard]] std::optional<std::size_t> node(const std::string& id) const;
    /// The `k`-th distinct node id starting with % (0-based, in order of first use) and its line:
    /// cgraph loses such names, so this is the only place they can be recovered from.
    [[nodiscard]] std::optional<std::pair<std::string, std::size_t>> percent_node(std::size_t k) const;
    /// Line of the `occurrence`-th (0-based) edge tail -> head.
    [[nodiscard]] std::optional<std::size_t> edge(const std::string& tail, const std::string& head,
                                                  std::size_t occurrence) const;
private:
    std::map<std::string, std::size_t> nodes_;
    std::vector<std::pair<std::string, std::size_t>> percent_nodes_;
    std::map<std::pair<std::string, std::string>, std::vector<std::size_t>> edges_;
};

}  // namespace crashchain::detail
