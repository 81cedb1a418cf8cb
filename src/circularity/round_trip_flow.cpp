#include "circularity/round_trip_flow.hpp"

#include <algorithm>

namespace crashchain::detail {

ReturnFlow::ReturnFlow(std::uint32_t vertices, const std::vector<FlowArc>& arcs)
    : residual_(build_residual_arcs(vertices, arcs)),
      forward_stamp_(vertices, 0),
      backward_stamp_(vertices, 0),
      forward_arc_(vertices),
      backward_arc_(vertices) {
    touched_mark_.assign(residual_.room.size(), 0);
    capacity_ = residual_.room;
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
    for (std::uint32_t b = residual_.first[x]; b < residual_.first[x + 1]; ++b) {
        if (!residual_.back[b]) continue;
        const std::uint32_t a = residual_.reverse[b], u = residual_.head[b];
        if (residual_.room[a] <= 0 || backward_stamp_[u] == stamp_) continue;
        backward_stamp_[u] = stamp_;
        backward_arc_[u] = a;
        backward_frontier_.push_back(u);
    }
    const auto weight = [&](const std::vector<std::uint32_t>& frontier) {
        std::size_t w = 0;
        for (const auto v : frontier) w += residual_.first[v + 1] - residual_.first[v];
        return w;
    };
    while (!forward_frontier_.empty() && !backward_frontier_.empty()) {
        next_frontier_.clear();
        if (weight(forward_frontier_) <= weight(backward_frontier_)) {
            for (const std::uint32_t v : forward_frontier_) {
                for (std::uint32_t a = residual_.first[v]; a < residual_.first[v + 1]; ++a) {
                    // The source only sends.
                    if (residual_.room[a] <= 0 || (v == x && residual_.back[a])) continue;
                    const std::uint32_t w = residual_.head[a];
                    if (w == x) {
                        if (residual_.back[a]) continue;  // back into the source: never useful
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
                for (std::uint32_t b = residual_.first[w]; b < residual_.first[w + 1]; ++b) {
                    // a: u -> w
                    const std::uint32_t a = residual_.reverse[b], u = residual_.head[b];
                    if (residual_.room[a] <= 0) continue;
                    if (u == x) {
                        if (residual_.back[a]) continue;  // leaves the sink, not the source
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
        for (std::uint32_t v = meet_; v != source_;
             v = residual_.head[residual_.reverse[forward_arc_[v]]]) {
            path_.push_back(forward_arc_[v]);
        }
    }
    if (meet_at_sink_ || meet_at_source_) path_.push_back(end_arc_);
    // Backward half: from where they met on to the sink (an arc entering x).
    if (!meet_at_sink_) {
        for (std::uint32_t v = meet_; v != source_;) {
            const std::uint32_t a = backward_arc_[v];
            path_.push_back(a);
            v = residual_.head[a];
        }
    }
    double delta = residual_.room[path_.front()];
    for (const std::uint32_t a : path_) delta = std::min(delta, residual_.room[a]);
    for (const std::uint32_t a : path_) {
        residual_.room[a] = residual_.room[a] == delta ? 0 : residual_.room[a] - delta;
        residual_.room[residual_.reverse[a]] += delta;
        for (const std::uint32_t t : {a, residual_.reverse[a]}) {
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
        residual_.room[a] = capacity_[a];
        touched_mark_[a] = 0;
    }
    touched_.clear();
}

}  // namespace crashchain::detail
