#pragma once
// Loading and saving networks in the three formats (SPEC 1.1), chosen by file extension.

#include <istream>
#include <string>
#include <string_view>

#include "model/network.hpp"

namespace crashchain {

/// Where a network comes from: FILE (.dot/.gv/.json), `--edges E.csv [--nodes N.csv]`, or
/// (all empty) the built-in AI-compute network.
struct NetworkSource {
    std::string file;
    std::string edges_csv;
    std::string nodes_csv;
    [[nodiscard]] bool is_builtin() const { return file.empty() && edges_csv.empty(); }
};

/// Reads and checks a network; InputError (every problem found) on bad input.
[[nodiscard]] Network load_network(const NetworkSource& source);

/// Readers from streams/text, so tests and fuzzers never touch disk. `name` is used in messages.
[[nodiscard]] Network read_dot(std::string_view text, std::string_view name);
[[nodiscard]] Network read_json(std::istream& in, std::string_view name);
[[nodiscard]] Network read_csv(std::istream& edges, std::istream* nodes, std::string_view edges_name,
                               std::string_view nodes_name);

/// Writers (data-preserving; diagrams are src/report/diagram). A `.csv` path writes the
/// contracts there and the entities to `<stem>.nodes.csv`. Outputs are written atomically.
void save_network(const Network& network, const std::string& path);
void write_dot(std::ostream& out, const Network& network);
void write_json(std::ostream& out, const Network& network);
void write_csv(std::ostream& edges, std::ostream& nodes, const Network& network);

/// The embedded graphs/ai_compute_2025.dot.
[[nodiscard]] std::string_view builtin_network_dot();
inline constexpr std::string_view kBuiltinNetworkName = "ai_compute_2025.dot (built-in)";

}  // namespace crashchain
