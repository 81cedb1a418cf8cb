#pragma once
// The bounded elementary-cycle enumerator behind find_cycles (detail of cycles.cpp).
//
// Gupta & Suzumura, "Finding All Bounded-Length Simple Cycles in a Directed Graph" (2021,
// arXiv:2105.10094), as networkx >= 3.1 runs it for `length_bound`: Johnson's search (SIAM J.
// Comput. 1975) from each start vertex s over the vertices after s, where blocking depends on the
// position on the path. A vertex from which no cycle was found is locked at its position: it may
// be entered again only closer to s. When a cycle is found through a vertex, its lock is lifted
// to the bound and the vertices waiting on it (its B list) are relaxed one step less each.
// On top of it, a backward breadth-first search from s gives each vertex its hop distance to s,
// which caps its lock: a vertex that cannot get back to s within the bound is never entered,
// which keeps cycle-free regions cheap (the slow case of networkx issue #8737).
//
// Correctness note: relaxing the vertex that found a cycle with its exact distance to s (as the
// paper's pseudo-code reads, and networkx issue #8265 suggests) misses cycles: its lock is never
// lifted again when a shorter path opens later. The property test against brute force caught it
// on generated networks; see docs/circularity.md.
//
// The graph is searched through a rank limit: only hops whose rank (position in descending
// amount order) is below the limit exist. find_cycles uses it to list the cycles with the
// largest bottlenecks when there are more than --limit.

#include <chrono>
#include <cstdint>
#include <span>
#include <vector>

#include "circularity/search_components.hpp"
#include "circularity/search_graph.hpp"

namespace crashchain::detail {

using Deadline = std::chrono::steady_clock::time_point;

/// Cycles as found (not canonical), flat.
struct FoundCycles {
    std::vector<EntityIndex> nodes;
    std::vector<HopIndex> hops;             ///< hops[i] leaves nodes[i]
    std::vector<std::uint32_t> offset{0};   ///< size() + 1 offsets
    [[nodiscard]] std::size_t size() const { return offset.size() - 1; }
    void clear() {
        nodes.clear();
        hops.clear();
        offset.assign(1, 0);
    }
};

enum class SearchEnd : unsigned char { complete, cap_reached, time_out, out_of_work };

/// When a search stops: after `cap` cycles, at the deadline, or once `work()` passes
/// `work_limit` (arcs scanned: a budget that, unlike the clock, gives the same result anywhere).
struct SearchLimits {
    std::size_t cap = SIZE_MAX;
    Deadline deadline = Deadline::max();
    std::uint64_t work_limit = UINT64_MAX;
};

class BoundedCycleSearch {
public:
    BoundedCycleSearch(const SearchGraph& graph, std::size_t max_length);

    /// Appends to `out` every cycle of at most max_length vertices that uses only hops of rank
    /// below `rank_limit`, until `out` holds `limits.cap` cycles or another limit is reached.
    SearchEnd run(std::uint32_t rank_limit, const SearchLimits& limits, FoundCycles& out);
    /// Arcs scanned so far, by every run.
    [[nodiscard]] std::uint64_t work() const { return steps_ + components_.work(); }

private:
    struct Frame {
        std::uint32_t vertex;
        std::uint32_t next_arc;
        std::uint32_t end_arc;
        /// Looked up once on entering, for every cycle found through this frame.
        EntityIndex entity;
        HopIndex in_hop;  ///< hop that entered this vertex
        bool found;       ///< a cycle was found below here
    };
    /// What the search knows about a vertex besides its gate.
    struct VertexState {
        std::uint32_t dist = 0;  ///< hops back to the start
        std::uint32_t lock = 0;  ///< positions below this may enter (its lock, or distance cap)
        std::uint32_t waiting = kNone;  ///< its B list (who waits on it): first and last entry
        std::uint32_t last_waiting = kNone;
    };
    /// An entry of a B list: singly linked in insertion order, all lists in one pool.
    struct Waiting {
        std::uint32_t vertex;
        std::uint32_t next;
    };
    static constexpr std::uint32_t kNone = UINT32_MAX;
    /// Gate bit: reached by this start's backward search (so within the bound of the start).
    static constexpr std::uint32_t kReached = 1u << 31;
    static constexpr std::uint32_t kLockBits = kReached - 1;

    /// `Limited`: some arcs are above the rank limit (else the ranks are not read at all).
    template <bool Limited>
    bool search_from(std::uint32_t start, std::uint32_t rank_limit, const SearchLimits& limits,
                     FoundCycles& out, SearchEnd& end);
    template <bool Limited>
    void distances_to(std::uint32_t start, std::uint32_t rank_limit);
    template <bool Limited>
    void wait_on_successors(std::uint32_t v, std::uint32_t start, std::uint32_t rank_limit);
    [[nodiscard]] std::uint32_t distance_cap(const VertexState& w) const {
        return max_length_ + 1 - w.dist;
    }
    /// Reached and not on the stack: its gate opens below its lock (locks are >= 1 but the
    /// start's, which never leaves the stack).
    void set_lock(std::uint32_t v, std::uint32_t lock) {
        state_[v].lock = lock;
        gate_[v] = kReached | lock;
    }
    [[nodiscard]] bool on_stack(std::uint32_t v) const { return (gate_[v] & kLockBits) == 0; }
    void relax(std::uint32_t v);
    void record(std::uint32_t closing_arc, FoundCycles& out) const;

    const SearchGraph& graph_;
    std::uint32_t max_length_;
    ShrinkingComponents components_;
    /// Per vertex: kReached | lock when reached and off the stack, kReached on the stack, 0 when
    /// not reached. The one array read for every arc (4 bytes a vertex stay in the L2 cache
    /// where a 32-byte record per vertex did not: that load was half of the search's time).
    std::vector<std::uint32_t> gate_;
    std::vector<VertexState> state_;
    std::vector<Waiting> waiting_;
    std::vector<std::uint32_t> touched_;  ///< vertices with a B list
    std::vector<std::uint32_t> queue_;
    std::vector<Frame> stack_;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> relax_stack_;
    std::uint64_t steps_ = 0;
};

}  // namespace crashchain::detail
