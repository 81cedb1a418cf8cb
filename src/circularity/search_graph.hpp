#pragma once
// The graph the cycle search walks (detail of cycles.cpp): hops that can be on a cycle of two or
// more entities, vertices renumbered in search order, arcs of each vertex sorted by rank (the
// position of the hop in descending amount order).

#include <cstdint>
#include <vector>

#include "circularity/hop_graph.hpp"

namespace crashchain::detail {

/// Hops inside strongly connected components (self-loops excluded), on vertices renumbered in
/// search order; arcs of each vertex sorted by rank.
struct SearchGraph {
    std::vector<EntityIndex> entity;       ///< search vertex -> entity
    std::vector<std::uint32_t> component;  ///< search vertex -> strongly connected component
    std::vector<std::uint32_t> out_begin, out_to, out_rank;
    std::vector<HopIndex> out_hop;
    std::vector<std::uint32_t> in_begin, in_from, in_rank;
    std::uint32_t rank_count = 0;  ///< ranks of arcs are below this (self-loops hold some)
    [[nodiscard]] std::uint32_t vertex_count() const {
        return static_cast<std::uint32_t>(entity.size());
    }
};

/// `hop_rank[h]` is the rank of hop h, or kNoRank for hops on no cycle.
inline constexpr std::uint32_t kNoRank = UINT32_MAX;
[[nodiscard]] SearchGraph build_search_graph(const HopGraph& hops,
                                             const std::vector<std::uint32_t>& component,
                                             const std::vector<std::uint32_t>& id_rank,
                                             const std::vector<std::uint32_t>& hop_rank);

}  // namespace crashchain::detail
