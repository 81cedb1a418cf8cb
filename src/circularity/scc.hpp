#pragma once
// Strongly connected components of the contract graph (SPEC 2, 6): Tarjan's algorithm
// (Tarjan 1972) through Boost.Graph `strong_components`, run on a compressed-sparse-row copy of
// the contracts (faster to build and to traverse than the adjacency_list view, see
// docs/circularity.md). A component is non-trivial when it has two or more entities or a
// self-loop; only those can carry a cycle, a circulation or a round trip.

#include <cstdint>
#include <limits>
#include <vector>

#include "model/network.hpp"

namespace crashchain {

/// Every entity's component (Tarjan numbering, trivial components included).
struct ComponentLabels {
    std::vector<std::uint32_t> label;  ///< per entity
    std::uint32_t count = 0;           ///< number of components
};

/// Components of the directed multigraph of all contracts of `network`.
[[nodiscard]] ComponentLabels strong_component_labels(const Network& network);

struct SccResult {
    static constexpr std::uint32_t kNoComponent = std::numeric_limits<std::uint32_t>::max();

    /// Non-trivial components, each sorted by id; the lists by size descending, then first id.
    std::vector<std::vector<EntityIndex>> components;
    /// Per entity: its index in `components`, or kNoComponent (for diagrams: SCCs as clusters).
    std::vector<std::uint32_t> component_of;
};

[[nodiscard]] SccResult strongly_connected(const Network& network);
struct CircularityIndex;
/// The same from a precomputed index (index.hpp).
[[nodiscard]] SccResult strongly_connected(const Network& network, const CircularityIndex& index);

/// Rank of every entity in the lexicographic (byte-wise) order of ids: comparing ranks is
/// comparing ids, which keeps every ordering independent of the input order.
[[nodiscard]] std::vector<std::uint32_t> id_ranks(const Network& network);

}  // namespace crashchain
