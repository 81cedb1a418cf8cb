#include "circularity/cycle_search.hpp"

#include <algorithm>

namespace crashchain::detail {
namespace {

constexpr std::uint64_t kClockEvery = 4096;  // arcs scanned between deadline checks
constexpr std::size_t kSplitWhenReached = 2;  // split when half the component was reached
constexpr std::size_t kMostReserved = std::size_t{1} << 22;  // entries reserved per array

}  // namespace

BoundedCycleSearch::BoundedCycleSearch(const SearchGraph& graph, std::size_t max_length)
    : graph_(graph),
      max_length_(static_cast<std::uint32_t>(
          std::min<std::size_t>(max_length, std::size_t{graph.vertex_count()} + 1))),
      components_(graph),
      gate_(graph.vertex_count(), 0),
      state_(graph.vertex_count()) {}

SearchEnd BoundedCycleSearch::run(std::uint32_t rank_limit, const SearchLimits& limits,
                                  FoundCycles& out) {
    if (out.size() >= limits.cap) return SearchEnd::cap_reached;
    if (max_length_ < 2) return SearchEnd::complete;  // only self-loops, found by the caller
    // Room for `cap` cycles up front: growing by copying cost as much as recording. Pages that
    // are never written are never touched, so only the address space is spent.
    const std::size_t cycles = std::min(limits.cap, kMostReserved / max_length_);
    out.nodes.reserve(cycles * max_length_);
    out.hops.reserve(cycles * max_length_);
    out.offset.reserve(cycles + 1);
    SearchEnd end = SearchEnd::complete;
    const bool all_arcs = rank_limit >= graph_.rank_count;
    components_.reset(rank_limit, all_arcs);
    for (std::uint32_t start = 0; start < graph_.vertex_count(); ++start) {
        const std::uint32_t size = components_.size_of(start);
        if (size < 2) continue;
        const bool going = all_arcs ? search_from<false>(start, rank_limit, limits, out, end)
                                    : search_from<true>(start, rank_limit, limits, out, end);
        if (!going) return end;
        // A search that reached a good part of its component paid for splitting it again.
        components_.remove(start, queue_.size() * kSplitWhenReached >= size);
    }
    return SearchEnd::complete;
}

template <bool Limited>
void BoundedCycleSearch::distances_to(std::uint32_t start, std::uint32_t rank_limit) {
    queue_.clear();
    queue_.push_back(start);
    state_[start].dist = 0;
    gate_[start] = kReached;
    const std::uint32_t label = components_.label(start);
    // A vertex further than max_length - 1 hops from the start is on no short enough cycle.
    for (std::size_t head = 0; head < queue_.size(); ++head) {
        const std::uint32_t x = queue_[head];
        const std::uint32_t d = state_[x].dist + 1;
        if (d > max_length_ - 1) continue;
        for (std::uint32_t a = graph_.in_begin[x]; a < graph_.in_begin[x + 1]; ++a) {
            ++steps_;
            if (Limited && graph_.in_rank[a] >= rank_limit) break;
            const std::uint32_t y = graph_.in_from[a];
            // Most arcs lead to a vertex already reached: test that before the label.
            if (y <= start || gate_[y] != 0 || components_.label(y) != label) continue;
            state_[y].dist = d;
            set_lock(y, distance_cap(state_[y]));  // never locked yet: as far as it can return
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
        const VertexState& s = state_[u];
        const std::uint32_t lock = std::min(max_length_ + 1 - steps, distance_cap(s));
        if (s.lock >= lock) continue;
        set_lock(u, lock);
        for (std::uint32_t i = s.waiting; i != kNone; i = waiting_[i].next) {
            const std::uint32_t x = waiting_[i].vertex;
            if (!on_stack(x)) relax_stack_.emplace_back(x, steps + 1);
        }
    }
}

template <bool Limited>
void BoundedCycleSearch::wait_on_successors(std::uint32_t v, std::uint32_t start,
                                            std::uint32_t rank_limit) {
    // Locked at its position until one of its successors is relaxed.
    for (std::uint32_t a = graph_.out_begin[v]; a < graph_.out_begin[v + 1]; ++a) {
        if (Limited && graph_.out_rank[a] >= rank_limit) break;
        const std::uint32_t w = graph_.out_to[a];
        if (w == start || gate_[w] == 0) continue;
        VertexState& s = state_[w];
        const auto entry = static_cast<std::uint32_t>(waiting_.size());
        if (s.waiting == kNone) {
            touched_.push_back(w);
            s.waiting = entry;
        } else if (waiting_[s.last_waiting].vertex == v) {
            continue;  // v was locked on w just before
        } else {
            waiting_[s.last_waiting].next = entry;
        }
        s.last_waiting = entry;
        waiting_.push_back({v, kNone});
    }
}

void BoundedCycleSearch::record(std::uint32_t closing_arc, FoundCycles& out) const {
    const std::size_t length = stack_.size();
    for (std::size_t i = 0; i < length; ++i) {
        out.nodes.push_back(stack_[i].entity);
        out.hops.push_back(i + 1 < length ? stack_[i + 1].in_hop : graph_.out_hop[closing_arc]);
    }
    out.offset.push_back(static_cast<std::uint32_t>(out.nodes.size()));
}

template <bool Limited>
bool BoundedCycleSearch::search_from(std::uint32_t start, std::uint32_t rank_limit,
                                     const SearchLimits& limits, FoundCycles& out,
                                     SearchEnd& end) {
    distances_to<Limited>(start, rank_limit);
    // Every vertex reached is in the queue: closing their gates readies the next start.
    const auto finish = [&] {
        for (const std::uint32_t v : queue_) gate_[v] = 0;
        stack_.clear();
        for (const std::uint32_t t : touched_) state_[t].waiting = kNone;
        touched_.clear();
        waiting_.clear();
    };
    if (queue_.size() == 1) {  // nothing returns to the start
        finish();
        return true;
    }
    const auto enter = [&](std::uint32_t v, std::uint32_t arc) {
        state_[v].lock = static_cast<std::uint32_t>(stack_.size());
        gate_[v] = kReached;  // on the stack: closed
        const HopIndex hop = arc == kNone ? kNone : graph_.out_hop[arc];
        stack_.push_back({v, graph_.out_begin[v], graph_.out_begin[v + 1], graph_.entity[v], hop,
                          false});
    };
    enter(start, kNone);
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
        if (frame.next_arc < frame.end_arc &&
            (!Limited || graph_.out_rank[frame.next_arc] < rank_limit)) {
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
            // Closed when not reached backwards (no way back within the bound), on the stack, or
            // locked at this position or closer to the start.
            if (stack_.size() >= (gate_[w] & kLockBits)) continue;
            enter(w, arc);
            continue;
        }
        const std::uint32_t v = frame.vertex;
        const bool found = frame.found;
        stack_.pop_back();
        if (stack_.empty()) break;
        set_lock(v, state_[v].lock);  // off the stack: open below the lock set when it entered
        if (found) {
            stack_.back().found = true;
            relax(v);
        } else {
            wait_on_successors<Limited>(v, start, rank_limit);
        }
    }
    finish();
    return true;
}

}  // namespace crashchain::detail
