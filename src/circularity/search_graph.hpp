#pragma once
// The graph the cycle search walks (detail of cycles.cpp): hops that can be on a cycle of two or
// more entities, vertices renumbered in search order, arcs of each vertex in descending amount
// order (ties by target id), which is the order of their ranks.
//
// Built in two steps because a search that stops after the first --limit cycles never needs
// the ranks (the position of each hop in descending amount order over the whole graph): ranking
// a million hops and sorting the in-arcs by rank was a third of such a run. `rank_search_graph`
// adds them when the search for the largest bottlenecks needs them.

#include <cstdint>
#include <vector>

#include "circularity/hop_graph.hpp"

namespace crashchain::detail {

/// Hops inside strongly connected components (self-loops excluded), on vertices renumbered in
/// search order; out-arcs of each vertex in rank order.
struct SearchGraph {
    std::vector<EntityIndex> entity;       ///< search vertex -> entity
    std::vector<std::uint32_t> component;  ///< search vertex -> strongly connected component
    std::vector<std::uint32_t> out_begin, out_to;
    std::vector<HopIndex> out_hop;
    /// In-arcs: any order until ranked, then in rank order.
    std::vector<std::uint32_t> in_begin, in_from;
    /// Ranks of the arcs: empty until rank_search_graph.
    std::vector<std::uint32_t> out_rank, in_rank;
    /// Hops on some cycle, self-loops included: every rank is below this.
    std::uint32_t rank_count = 0;
    [[nodiscard]] std::uint32_t vertex_count() const {
        return static_cast<std::uint32_t>(entity.size());
    }
    [[nodiscard]] bool ranked() const { return out_rank.size() == out_to.size(); }
};

/// `component` labels the entities by strongly connected component; `id_rank` orders the ids.
[[nodiscard]] SearchGraph build_search_graph(const HopGraph& hops,
                                             const std::vector<std::uint32_t>& component,
                                             const std::vector<std::uint32_t>& id_rank);

/// `hop_rank[h]` is the rank of hop h, or kNoRank for hops on no cycle.
inline constexpr std::uint32_t kNoRank = UINT32_MAX;
/// Ranks of the hops on some cycle (self-loops included): descending amount, ties by the ids of
/// source then target, so ranks depend on the network and not on the input order.
[[nodiscard]] std::vector<std::uint32_t> rank_hops(const HopGraph& hops,
                                                   const std::vector<std::uint32_t>& component,
                                                   const std::vector<std::uint32_t>& id_rank);
/// Gives `graph` its arc ranks from `hop_rank` (rank_hops) and sorts its in-arcs by rank.
void rank_search_graph(SearchGraph& graph, const std::vector<std::uint32_t>& hop_rank);

}  // namespace crashchain::detail
