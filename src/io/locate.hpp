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

/// Runs the whole-network checks (check_network) and throws their problems, adding the line of
/// the entity named in each one, as `line_of(entity index)` reports it (a function so that
/// correct files never build the line index).
void check_network_located(const Network& network, std::string_view file,
                           const std::function<std::optional<std::size_t>(std::uint32_t)>& line_of);

/// Line (1-based) of byte `offset` in `text`.
[[nodiscard]] std::size_t line_of_offset(std::string_view text, std::size_t offset);

/// Where each element of the top-level "entities" and "contracts" arrays of a JSON text starts.
struct JsonElementLines {
    std::vector<std::size_t> entities;
    std::vector<std::size_t> contracts;
};
[[nodiscard]] JsonElementLines locate_json_elements(std::string_view text);

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
    /// Line of the `occurrence`-th (0-based) edge tail -> head.
    [[nodiscard]] std::optional<std::size_t> edge(const std::string& tail, const std::string& head,
                                                  std::size_t occurrence) const;
private:
    std::map<std::string, std::size_t> nodes_;
    std::map<std::pair<std::string, std::string>, std::vector<std::size_t>> edges_;
};

}  // namespace crashchain::detail
