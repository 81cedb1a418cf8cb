#include "circularity/round_trip_flow.hpp"

#include <algorithm>
#include <utility>

namespace crashchain::detail {

ReturnFlow::ReturnFlow(std::uint32_t vertices, const std::vector<FlowArc>& arcs)
    : forward_stamp_(vertices, 0), backward_stamp_(vertices, 0),
      forward_arc_(vertices), backward_arc_(vertices) {
    ResidualArcs residual = build_residual_arcs(vertices, arcs);
    first_ = std::move(residual.first);
    head_ = std::move(residual.head);
    reverse_ = std::move(residual.reverse);
    back_ = std::move(residual.back);
    room_ = std::move(residual.room);
    touched_mark_.assign(room_.size(), 0);
    capacity_ = room_;
}

double ReturnFlow::returns(std::uint32_t x) {
    double total = 0;
    while (find_path(x)) total += augment();
    restore();
    return total;
}

bool ReturnFlow::find_path(std::uint32_t x) {
    if (++stamp_ == 0) {
        std::fill(forward_stamp_.begin(), forward_stamp_.end(), 0);
        std::fill(backward_stamp_.begin(), backward_stamp_.end(), 0);
        stamp_ = 1;
    }
    meet_at_source_ = meet_at_sink_ = false;
    source_ = x;
    // Forward from x as the source; backward from x as the sink, whose first level is the
    // tails of x's incoming arcs with room (the reverses of x's back arcs).
    forward_stamp_[x] = stamp_;
    forward_frontier_.assign(1, x);
    backward_frontier_.clear();
    for (std::uint32_t b = first_[x]; b < first_[x + 1]; ++b) {
        if (!back_[b]) continue;
        const std::uint32_t a = reverse_[b], u = head_[b];
        if (room_[a] <= 0 || backward_stamp_[u] == stamp_) continue;
        backward_stamp_[u] = stamp_;
        backward_arc_[u] = a;
        backward_frontier_.push_back(u);
    }
    const auto weight = [&](const std::vector<std::uint32_t>& frontier) {
        std::size_t w = 0;
        for (const auto v : frontier) w += first_[v + 1] - first_[v];
        return w;
    };
    while (!forward_frontier_.empty() && !backward_frontier_.empty()) {
        next_frontier_.clear();
        if (weight(forward_frontier_) <= weight(backward_frontier_)) {
            for (const std::uint32_t v : forward_frontier_) {
                for (std::uint32_t a = first_[v]; a < first_[v + 1]; ++a) {
                    if (room_[a] <= 0 || (v == x && back_[a])) continue;  // the source only sends
                    const std::uint32_t w = head_[a];
                    if (w == x) {
                        if (back_[a]) continue;  // back into the source: never useful
                        meet_at_sink_ = true;
                        meet_ = v;
                        end_arc_ = a;
                        return true;
                    }
                    if (forward_stamp_[w] == stamp_) continue;
                    forward_stamp_[w] = stamp_;
                    forward_arc_[w] = a;
                    if (backward_stamp_[w] == stamp_) {
                        meet_ = w;
                        return true;
                    }
                    next_frontier_.push_back(w);
                }
            }
            forward_frontier_.swap(next_frontier_);
        } else {
            for (const std::uint32_t w : backward_frontier_) {
                for (std::uint32_t b = first_[w]; b < first_[w + 1]; ++b) {
                    const std::uint32_t a = reverse_[b], u = head_[b];  // a: u -> w
                    if (room_[a] <= 0) continue;
                    if (u == x) {
                        if (back_[a]) continue;  // leaves the sink, not the source
                        meet_at_source_ = true;
                        meet_ = w;
                        end_arc_ = a;
                        return true;
                    }
                    if (backward_stamp_[u] == stamp_) continue;
                    backward_stamp_[u] = stamp_;
                    backward_arc_[u] = a;
                    if (forward_stamp_[u] == stamp_) {
                        meet_ = u;
                        return true;
                    }
                    next_frontier_.push_back(u);
                }
            }
            backward_frontier_.swap(next_frontier_);
        }
    }
    return false;
}

double ReturnFlow::augment() {
    path_.clear();
    // Forward half: from where the searches met back to the source (tails of forward arcs).
    if (!meet_at_source_) {
        for (std::uint32_t v = meet_; v != source_; v = head_[reverse_[forward_arc_[v]]]) {
            path_.push_back(forward_arc_[v]);
        }
    }
    if (meet_at_sink_ || meet_at_source_) path_.push_back(end_arc_);
    // Backward half: from where they met on to the sink (an arc entering x).
    if (!meet_at_sink_) {
        for (std::uint32_t v = meet_; v != source_;) {
            const std::uint32_t a = backward_arc_[v];
            path_.push_back(a);
            v = head_[a];
        }
    }
    double delta = room_[path_.front()];
    for (const std::uint32_t a : path_) delta = std::min(delta, room_[a]);
    for (const std::uint32_t a : path_) {
        room_[a] = room_[a] == delta ? 0 : room_[a] - delta;
        room_[reverse_[a]] += delta;
        for (const std::uint32_t t : {a, reverse_[a]}) {
            if (!touched_mark_[t]) {
                touched_mark_[t] = 1;
                touched_.push_back(t);
            }
        }
    }
    return delta;
}

void ReturnFlow::restore() {
    for (const std::uint32_t a : touched_) {
        room_[a] = capacity_[a];
        touched_mark_[a] = 0;
    }
    touched_.clear();
}

}  // namespace crashchain::detail
