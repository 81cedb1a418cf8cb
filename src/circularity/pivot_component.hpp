#pragma once
// The strongly connected component of one well-chosen vertex, found by reachability instead of
// depth-first search (the forward-backward idea of Fleischer, Hendrickson & Pinar, "On
// identifying strongly connected components in parallel", 2000). Networks of deals have one
// giant component; a breadth-first search and a few sweeps over the edges find it with many
// memory loads in flight and the visited sets as bits (12.5 KB per 100,000 vertices, in L1),
// where Tarjan's search waits on one random load per step. pearce_components then numbers the
// rest by depth-first search.

#include <cstdint>
#include <span>
#include <vector>

namespace crashchain {

struct PivotComponent {
    std::uint32_t pivot = 0;
    std::vector<std::uint64_t> reached;  ///< bit v: v is reachable from the pivot (or is it)
    std::vector<std::uint64_t> member;   ///< bit v: v is in the pivot's component
    std::uint32_t size = 0;              ///< members; 0 when the search gave up
};

[[nodiscard]] inline bool has_bit(const std::vector<std::uint64_t>& bits, std::uint32_t v) {
    return ((bits[v >> 6] >> (v & 63)) & 1) != 0;
}

/// The component of the vertex with the most out-edges (the smallest such index). The members
/// are the vertices reachable from the pivot that reach it back, found by sweeps over the
/// edges (a vertex joins when one of its targets has joined), alternately in ascending and
/// descending order. When `max_sweeps` sweeps still add members, it gives up (size 0), so the
/// work stays within a fixed multiple of the edges on any graph.
[[nodiscard]] PivotComponent pivot_component(std::span<const std::uint32_t> offsets,
                                             std::span<const std::uint32_t> targets,
                                             unsigned max_sweeps = 8);

}  // namespace crashchain
