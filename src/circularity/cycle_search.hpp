#pragma once
// The bounded elementary-cycle enumerator behind find_cycles (detail of cycles.cpp).
//
// Johnson, "Finding all the elementary circuits of a directed graph" (SIAM J. Comput. 1975):
// from each start vertex s, a depth-first search over the vertices after s in the same strongly
// connected component, where a vertex from which s could not be reached stays blocked until a
// vertex it depends on (its B list) is unblocked. The length bound is applied as igraph does
// (igraph_simple_cycles, max_cycle_length): when the bound stops the search from going further,
// the vertex counts as if a cycle had been found through it, so it is unblocked on return and no
// cycle is lost. Before each search a backward breadth-first search from s gives every vertex its
// hop distance to s; a vertex that cannot get back to s within the bound is never entered, which
// keeps cycle-free regions cheap (the slow case of networkx issue #8737).
//
// Gupta & Suzumura's position locks (2021, used by networkx) were tried first: with exact
// distances in the lock relaxation they missed cycles on generated networks (the property test
// against brute force caught it; networkx is saved by relaxing every lock to the bound), see
// docs/circularity.md.
//
// The graph is searched through a rank limit: only hops whose rank (position in descending
// amount order) is below the limit exist. find_cycles uses it to list the cycles with the
// largest bottlenecks when there are more than --limit.

#include <chrono>
#include <cstdint>
#include <span>
#include <vector>

#include "circularity/hop_graph.hpp"

namespace crashchain::detail {

using Deadline = std::chrono::steady_clock::time_point;

/// Hops inside strongly connected components (self-loops excluded), on vertices renumbered in
/// search order; arcs of each vertex sorted by rank.
struct SearchGraph {
    std::vector<EntityIndex> entity;       ///< search vertex -> entity
    std::vector<std::uint32_t> component;  ///< search vertex -> component label
    std::vector<std::uint32_t> out_begin, out_to, out_rank;
    std::vector<HopIndex> out_hop;
    std::vector<std::uint32_t> in_begin, in_from, in_rank;
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

/// Cycles as found (not canonical), flat.
struct FoundCycles {
    std::vector<EntityIndex> nodes;
    std::vector<HopIndex> hops;             ///< hops[i] leaves nodes[i]
    std::vector<std::uint32_t> offset{0};   ///< size() + 1 offsets
    std::vector<std::uint32_t> max_rank;    ///< rank of the smallest hop: identifies the bottleneck
    [[nodiscard]] std::size_t size() const { return max_rank.size(); }
    void clear() {
        nodes.clear();
        hops.clear();
        offset.assign(1, 0);
        max_rank.clear();
    }
};

enum class SearchEnd : unsigned char { complete, cap_reached, time_out };

class BoundedCycleSearch {
public:
    BoundedCycleSearch(const SearchGraph& graph, std::size_t max_length);

    /// Appends to `out` every cycle of at most max_length vertices that uses only hops of rank
    /// below `rank_limit`, until `out` holds `cap` cycles or the deadline passes.
    SearchEnd run(std::uint32_t rank_limit, std::size_t cap, Deadline deadline, FoundCycles& out);

private:
    struct Frame {
        std::uint32_t vertex;
        std::uint32_t next_arc;
        std::uint32_t in_arc;  ///< arc that entered this vertex
        bool found;            ///< a cycle was found, or the bound cut the search, below here
    };

    bool search_from(std::uint32_t start, std::uint32_t rank_limit, std::size_t cap,
                     Deadline deadline, FoundCycles& out, SearchEnd& end);
    void distances_to(std::uint32_t start, std::uint32_t rank_limit);
    [[nodiscard]] bool allowed(std::uint32_t w, std::uint32_t start) const {
        return w > start && graph_.component[w] == graph_.component[start];
    }
    [[nodiscard]] bool blocked(std::uint32_t w) const { return blocked_stamp_[w] == stamp_; }
    void unblock(std::uint32_t v);
    void record(std::uint32_t closing_arc, FoundCycles& out) const;

    const SearchGraph& graph_;
    std::uint32_t max_length_;
    std::uint32_t stamp_ = 0;
    std::vector<std::uint32_t> dist_, dist_stamp_, blocked_stamp_;
    std::vector<std::uint8_t> on_stack_;
    std::vector<std::vector<std::uint32_t>> blocked_by_;  ///< Johnson's B lists
    std::vector<std::uint32_t> touched_;
    std::vector<std::uint32_t> queue_;
    std::vector<Frame> stack_;
    std::vector<std::uint32_t> unblock_stack_;
    std::uint64_t steps_ = 0;
};

}  // namespace crashchain::detail
