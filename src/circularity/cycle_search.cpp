#include "circularity/cycle_search.hpp"

#include <algorithm>
#include <numeric>

namespace crashchain::detail {
namespace {

constexpr std::uint32_t kUnbounded = UINT32_MAX;
constexpr std::uint64_t kClockEvery = 4096;  // arcs scanned between deadline checks
constexpr std::size_t kSplitWhenReached = 2;  // split when half the component was reached

}  // namespace

BoundedCycleSearch::BoundedCycleSearch(const SearchGraph& graph, std::size_t max_length)
    : graph_(graph),
      max_length_(static_cast<std::uint32_t>(
          std::min<std::size_t>(max_length, std::size_t{graph.vertex_count()} + 1))),
      components_(graph) {
    const std::uint32_t n = graph.vertex_count();
    dist_.assign(n, 0);
    dist_stamp_.assign(n, 0);
    lock_.assign(n, 0);
    lock_stamp_.assign(n, 0);
    on_stack_.assign(n, 0);
    blocked_by_.resize(n);
}

SearchEnd BoundedCycleSearch::run(std::uint32_t rank_limit, const SearchLimits& limits,
                                  FoundCycles& out) {
    if (out.size() >= limits.cap) return SearchEnd::cap_reached;
    if (max_length_ < 2) return SearchEnd::complete;  // only self-loops, found by the caller
    SearchEnd end = SearchEnd::complete;
    components_.reset(rank_limit, rank_limit >= graph_.rank_count);
    for (std::uint32_t start = 0; start < graph_.vertex_count(); ++start) {
        const std::uint32_t size = components_.size_of(start);
        if (size < 2) continue;
        if (!search_from(start, rank_limit, limits, out, end)) return end;
        // A search that reached a good part of its component paid for splitting it again.
        components_.remove(start, queue_.size() * kSplitWhenReached >= size);
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
            ++steps_;
            if (graph_.in_rank[a] >= rank_limit) break;
            const std::uint32_t y = graph_.in_from[a];
            if (!allowed(y, start) || dist_stamp_[y] == stamp_) continue;
            dist_[y] = d;
            dist_stamp_[y] = stamp_;
            queue_.push_back(y);
        }
    }
}

void BoundedCycleSearch::relax(std::uint32_t v) {
    relax_stack_.assign(1, {v, 1});
    while (!relax_stack_.empty()) {
        const auto [u, steps] = relax_stack_.back();
        relax_stack_.pop_back();
        if (steps > max_length_) continue;
        const std::uint32_t lock = std::min(max_length_ + 1 - steps, distance_cap(u));
        if (lock_of(u) >= lock) continue;
        lock_[u] = lock;
        lock_stamp_[u] = stamp_;
        for (const std::uint32_t x : blocked_by_[u]) {
            if (!on_stack_[x]) relax_stack_.emplace_back(x, steps + 1);
        }
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
                                     const SearchLimits& limits, FoundCycles& out,
                                     SearchEnd& end) {
    if (++stamp_ == 0) {  // wrapped: old stamps could look current
        std::fill(dist_stamp_.begin(), dist_stamp_.end(), 0);
        std::fill(lock_stamp_.begin(), lock_stamp_.end(), 0);
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
        lock_[v] = static_cast<std::uint32_t>(stack_.size());
        lock_stamp_[v] = stamp_;
        on_stack_[v] = 1;
        stack_.push_back({v, graph_.out_begin[v], arc, false});
    };
    enter(start, kUnbounded);
    while (!stack_.empty()) {
        if (++steps_ % kClockEvery == 0) {
            if (work() > limits.work_limit) end = SearchEnd::out_of_work;
            if (std::chrono::steady_clock::now() > limits.deadline) end = SearchEnd::time_out;
            if (end != SearchEnd::complete) {
                finish();
                return false;
            }
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
                if (out.size() >= limits.cap) {
                    end = SearchEnd::cap_reached;
                    finish();
                    return false;
                }
                continue;
            }
            // No way back to the start within the bound from anywhere: never entered.
            if (dist_stamp_[w] != stamp_ || on_stack_[w]) continue;
            if (stack_.size() >= lock_of(w)) continue;
            enter(w, arc);
            continue;
        }
        const bool found = frame.found;
        stack_.pop_back();
        on_stack_[v] = 0;
        if (stack_.empty()) break;
        if (found) {
            stack_.back().found = true;
            relax(v);
        } else {
            // Locked at its position until one of its successors is relaxed.
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
