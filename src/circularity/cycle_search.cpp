#include "circularity/cycle_search.hpp"

#include <algorithm>
#include <numeric>

namespace crashchain::detail {
namespace {

constexpr std::uint32_t kUnbounded = UINT32_MAX;
constexpr std::uint64_t kClockEvery = 4096;  // arcs scanned between deadline checks

}  // namespace

SearchGraph build_search_graph(const HopGraph& hops, const std::vector<std::uint32_t>& component,
                               const std::vector<std::uint32_t>& id_rank,
                               const std::vector<std::uint32_t>& hop_rank) {
    const std::size_t n = hops.entity_count();
    std::vector<std::uint32_t> out_degree(n, 0), in_degree(n, 0);
    std::vector<HopIndex> by_rank;
    for (HopIndex h = 0; h < hops.hop_count(); ++h) {
        if (hop_rank[h] == kNoRank || hops.from[h] == hops.to[h]) continue;
        ++out_degree[hops.from[h]];
        ++in_degree[hops.to[h]];
        by_rank.push_back(h);
    }
    std::sort(by_rank.begin(), by_rank.end(),
              [&](HopIndex a, HopIndex b) { return hop_rank[a] < hop_rank[b]; });

    // Hubs first: once searched, a vertex is left out of every later search, so removing the
    // vertices on most paths (in-degree x out-degree) early shrinks the rest fastest.
    SearchGraph g;
    for (EntityIndex e = 0; e < n; ++e) {
        if (out_degree[e] > 0) g.entity.push_back(e);
    }
    std::sort(g.entity.begin(), g.entity.end(), [&](EntityIndex a, EntityIndex b) {
        const auto pa = std::uint64_t{in_degree[a]} * out_degree[a];
        const auto pb = std::uint64_t{in_degree[b]} * out_degree[b];
        if (pa != pb) return pa > pb;
        return id_rank[a] < id_rank[b];
    });
    const std::uint32_t count = g.vertex_count();
    std::vector<std::uint32_t> index_of(n, kNoRank);
    g.component.resize(count);
    for (std::uint32_t i = 0; i < count; ++i) {
        index_of[g.entity[i]] = i;
        g.component[i] = component[g.entity[i]];
    }

    // Counting placement in rank order leaves every vertex's arcs sorted by rank.
    g.out_begin.assign(count + 1, 0);
    g.in_begin.assign(count + 1, 0);
    for (std::uint32_t i = 0; i < count; ++i) {
        g.out_begin[i + 1] = g.out_begin[i] + out_degree[g.entity[i]];
        g.in_begin[i + 1] = g.in_begin[i] + in_degree[g.entity[i]];
    }
    const std::size_t arcs = by_rank.size();
    g.out_to.resize(arcs);
    g.out_rank.resize(arcs);
    g.out_hop.resize(arcs);
    g.in_from.resize(arcs);
    g.in_rank.resize(arcs);
    std::vector<std::uint32_t> next_out(g.out_begin.begin(), g.out_begin.end() - 1);
    std::vector<std::uint32_t> next_in(g.in_begin.begin(), g.in_begin.end() - 1);
    for (const HopIndex h : by_rank) {
        const std::uint32_t u = index_of[hops.from[h]];
        const std::uint32_t v = index_of[hops.to[h]];
        const std::uint32_t o = next_out[u]++;
        g.out_to[o] = v;
        g.out_rank[o] = hop_rank[h];
        g.out_hop[o] = h;
        const std::uint32_t i = next_in[v]++;
        g.in_from[i] = u;
        g.in_rank[i] = hop_rank[h];
    }
    return g;
}

BoundedCycleSearch::BoundedCycleSearch(const SearchGraph& graph, std::size_t max_length)
    : graph_(graph),
      max_length_(static_cast<std::uint32_t>(
          std::min<std::size_t>(max_length, std::size_t{graph.vertex_count()} + 1))) {
    const std::uint32_t n = graph.vertex_count();
    dist_.assign(n, 0);
    dist_stamp_.assign(n, 0);
    blocked_stamp_.assign(n, 0);
    on_stack_.assign(n, 0);
    blocked_by_.resize(n);
}

SearchEnd BoundedCycleSearch::run(std::uint32_t rank_limit, std::size_t cap, Deadline deadline,
                                  FoundCycles& out) {
    if (out.size() >= cap) return SearchEnd::cap_reached;
    if (max_length_ < 2) return SearchEnd::complete;  // only self-loops, found by the caller
    SearchEnd end = SearchEnd::complete;
    for (std::uint32_t start = 0; start < graph_.vertex_count(); ++start) {
        if (!search_from(start, rank_limit, cap, deadline, out, end)) return end;
    }
    return SearchEnd::complete;
}

void BoundedCycleSearch::distances_to(std::uint32_t start, std::uint32_t rank_limit) {
    queue_.clear();
    queue_.push_back(start);
    dist_[start] = 0;
    dist_stamp_[start] = stamp_;
    // A vertex further than max_length - 1 hops from the start is on no short enough cycle.
    for (std::size_t head = 0; head < queue_.size(); ++head) {
        const std::uint32_t x = queue_[head];
        const std::uint32_t d = dist_[x] + 1;
        if (d > max_length_ - 1) continue;
        for (std::uint32_t a = graph_.in_begin[x]; a < graph_.in_begin[x + 1]; ++a) {
            if (graph_.in_rank[a] >= rank_limit) break;
            const std::uint32_t y = graph_.in_from[a];
            if (!allowed(y, start) || dist_stamp_[y] == stamp_) continue;
            dist_[y] = d;
            dist_stamp_[y] = stamp_;
            queue_.push_back(y);
        }
    }
}

void BoundedCycleSearch::unblock(std::uint32_t v) {
    unblock_stack_.assign(1, v);
    while (!unblock_stack_.empty()) {
        const std::uint32_t u = unblock_stack_.back();
        unblock_stack_.pop_back();
        if (!blocked(u)) continue;
        blocked_stamp_[u] = 0;
        for (const std::uint32_t x : blocked_by_[u]) unblock_stack_.push_back(x);
        blocked_by_[u].clear();
    }
}

void BoundedCycleSearch::record(std::uint32_t closing_arc, FoundCycles& out) const {
    std::uint32_t max_rank = graph_.out_rank[closing_arc];
    for (std::size_t i = 0; i < stack_.size(); ++i) {
        out.nodes.push_back(graph_.entity[stack_[i].vertex]);
        const std::uint32_t arc = i + 1 < stack_.size() ? stack_[i + 1].in_arc : closing_arc;
        out.hops.push_back(graph_.out_hop[arc]);
        max_rank = std::max(max_rank, graph_.out_rank[arc]);
    }
    out.offset.push_back(static_cast<std::uint32_t>(out.nodes.size()));
    out.max_rank.push_back(max_rank);
}

bool BoundedCycleSearch::search_from(std::uint32_t start, std::uint32_t rank_limit,
                                     std::size_t cap, Deadline deadline, FoundCycles& out,
                                     SearchEnd& end) {
    if (++stamp_ == 0) {  // wrapped: old stamps could look current
        std::fill(dist_stamp_.begin(), dist_stamp_.end(), 0);
        std::fill(blocked_stamp_.begin(), blocked_stamp_.end(), 0);
        stamp_ = 1;
    }
    distances_to(start, rank_limit);
    if (queue_.size() == 1) return true;  // nothing returns to the start

    const auto finish = [&] {
        for (const auto& frame : stack_) on_stack_[frame.vertex] = 0;
        stack_.clear();
        for (const std::uint32_t t : touched_) blocked_by_[t].clear();
        touched_.clear();
    };
    const auto enter = [&](std::uint32_t v, std::uint32_t arc) {
        blocked_stamp_[v] = stamp_;
        on_stack_[v] = 1;
        stack_.push_back({v, graph_.out_begin[v], arc, false});
    };
    enter(start, kUnbounded);
    while (!stack_.empty()) {
        if (++steps_ % kClockEvery == 0 && std::chrono::steady_clock::now() > deadline) {
            end = SearchEnd::time_out;
            finish();
            return false;
        }
        Frame& frame = stack_.back();
        const std::uint32_t v = frame.vertex;
        if (frame.next_arc < graph_.out_begin[v + 1] &&
            graph_.out_rank[frame.next_arc] < rank_limit) {
            const std::uint32_t arc = frame.next_arc++;
            const std::uint32_t w = graph_.out_to[arc];
            if (w == start) {
                record(arc, out);
                frame.found = true;
                if (out.size() >= cap) {
                    end = SearchEnd::cap_reached;
                    finish();
                    return false;
                }
                continue;
            }
            // Farther from the start than the bound allows, from anywhere: never useful.
            if (dist_stamp_[w] != stamp_) continue;
            const auto position = static_cast<std::uint32_t>(stack_.size());
            if (position + dist_[w] > max_length_) {
                frame.found = true;  // cut by the bound: v may be on a cycle from higher up
                continue;
            }
            if (blocked(w) || on_stack_[w]) continue;
            enter(w, arc);
            continue;
        }
        const bool found = frame.found;
        stack_.pop_back();
        on_stack_[v] = 0;
        if (stack_.empty()) break;
        if (found) {
            stack_.back().found = true;
            unblock(v);
        } else {
            // Blocked until one of its successors is unblocked.
            for (std::uint32_t a = graph_.out_begin[v]; a < graph_.out_begin[v + 1]; ++a) {
                if (graph_.out_rank[a] >= rank_limit) break;
                const std::uint32_t w = graph_.out_to[a];
                if (w == start || dist_stamp_[w] != stamp_) continue;
                auto& list = blocked_by_[w];
                if (!list.empty() && list.back() == v) continue;
                if (list.empty()) touched_.push_back(w);
                list.push_back(v);
            }
        }
    }
    finish();
    return true;
}

}  // namespace crashchain::detail
