#include "circularity/circulation_solver.hpp"

#include <algorithm>
#include <limits>

namespace crashchain::detail {
namespace {

constexpr std::int64_t kUnreached = std::numeric_limits<std::int64_t>::max();
constexpr std::uint32_t kNoLevel = std::numeric_limits<std::uint32_t>::max();

/// The residual network of g in compressed-sparse-row order: the residual arcs leaving v are
/// [first_[v], first_[v + 1]); each original arc gives one that moves more g (cost +1, room
/// c - g) and, at its head, one that moves g back (cost -1, room g).
class Transport {
public:
    Transport(std::uint32_t nodes, const std::vector<CirculationArc>& arcs)
        : n_(nodes), first_(nodes + 1, 0), excess_(nodes, 0), potential_(nodes, 0), dist_(nodes),
          level_(nodes), next_(nodes), tight_first_(nodes + 1) {
        for (const auto& a : arcs) {
            ++first_[a.from + 1];
            ++first_[a.to + 1];
            excess_[a.from] += a.capacity;
            excess_[a.to] -= a.capacity;
        }
        for (std::uint32_t v = 0; v < n_; ++v) first_[v + 1] += first_[v];
        const std::size_t size = first_[n_];
        head_.resize(size);
        room_.resize(size);
        reverse_.resize(size);
        back_.resize(size);
        forward_of_.resize(arcs.size());
        std::vector<std::uint32_t> at(first_.begin(), first_.end() - 1);
        for (std::size_t i = 0; i < arcs.size(); ++i) {
            const std::uint32_t f = at[arcs[i].from]++, b = at[arcs[i].to]++;
            head_[f] = arcs[i].to;
            room_[f] = arcs[i].capacity;
            reverse_[f] = b;
            back_[f] = 0;
            head_[b] = arcs[i].from;
            room_[b] = 0;
            reverse_[b] = f;
            back_[b] = 1;
            forward_of_[i] = f;
        }
    }

    void run() {
        while (update_potentials()) {
            collect_tight_arcs();
            while (layer()) {
                std::copy(tight_first_.begin(), tight_first_.end() - 1, next_.begin());
                for (const std::uint32_t s : sources_) {
                    while (excess_[s] > 0 && augment(s)) {
                    }
                }
            }
        }
    }

    [[nodiscard]] CirculationSolution solution(const std::vector<CirculationArc>& arcs) const {
        CirculationSolution out;
        out.flow.resize(arcs.size());
        for (std::size_t i = 0; i < arcs.size(); ++i) {
            const std::uint32_t f = forward_of_[i];
            const double taken_back = room_[reverse_[f]];  // g
            out.flow[i] = room_[f] == 0     ? 0  // g = c exactly
                          : taken_back == 0 ? arcs[i].capacity
                                            : std::clamp(arcs[i].capacity - taken_back, 0.0,
                                                         arcs[i].capacity);
        }
        out.potential = potential_;
        return out;
    }

private:
    [[nodiscard]] std::int64_t reduced(std::uint32_t v, std::uint32_t a) const {
        return (back_[a] ? -1 : 1) + potential_[v] - potential_[head_[a]];
    }

    /// Truncated Dijkstra (bucket queue) from every node with excess; stops at the first node
    /// with a deficit (distance d*) and raises each potential by min(distance, d*), which keeps
    /// every reduced cost non-negative. False when no deficit can be reached.
    bool update_potentials() {
        std::fill(dist_.begin(), dist_.end(), kUnreached);
        for (auto& bucket : buckets_) bucket.clear();
        if (buckets_.empty()) buckets_.emplace_back();
        sources_.clear();
        for (std::uint32_t v = 0; v < n_; ++v) {
            if (excess_[v] > 0) {
                dist_[v] = 0;
                buckets_[0].push_back(v);
                sources_.push_back(v);
            }
        }
        std::int64_t found = kUnreached;
        for (std::size_t d = 0; d < buckets_.size() && found == kUnreached; ++d) {
            for (std::size_t i = 0; i < buckets_[d].size(); ++i) {
                const std::uint32_t v = buckets_[d][i];
                if (dist_[v] != static_cast<std::int64_t>(d)) continue;  // stale entry
                if (excess_[v] < 0) {
                    found = static_cast<std::int64_t>(d);
                    break;
                }
                for (std::uint32_t a = first_[v]; a < first_[v + 1]; ++a) {
                    if (room_[a] <= 0) continue;
                    const std::int64_t nd = static_cast<std::int64_t>(d) + reduced(v, a);
                    const std::uint32_t w = head_[a];
                    if (nd >= dist_[w]) continue;
                    dist_[w] = nd;
                    const auto bucket = static_cast<std::size_t>(nd);
                    if (buckets_.size() <= bucket) buckets_.resize(bucket + 1);
                    buckets_[bucket].push_back(w);
                }
            }
        }
        if (found == kUnreached) return false;
        for (std::uint32_t v = 0; v < n_; ++v) potential_[v] += std::min(dist_[v], found);
        return true;
    }

    /// The arcs of zero reduced cost, whatever their room: potentials stay fixed until the next
    /// Dijkstra, so these are all the arcs the phase can use (both ways of a tight arc are
    /// tight). Usually a small part of the network.
    void collect_tight_arcs() {
        tight_.clear();
        for (std::uint32_t v = 0; v < n_; ++v) {
            tight_first_[v] = static_cast<std::uint32_t>(tight_.size());
            for (std::uint32_t a = first_[v]; a < first_[v + 1]; ++a) {
                if (reduced(v, a) == 0) tight_.push_back(a);
            }
        }
        tight_first_[n_] = static_cast<std::uint32_t>(tight_.size());
    }

    /// Breadth-first levels over tight arcs with room from every node with excess, up to the
    /// first level holding a node with a deficit (Dinic). False when none is reached.
    bool layer() {
        std::fill(level_.begin(), level_.end(), kNoLevel);
        queue_.clear();
        for (const std::uint32_t s : sources_) {
            if (excess_[s] > 0) {
                level_[s] = 0;
                queue_.push_back(s);
            }
        }
        std::uint32_t sink_level = kNoLevel;
        for (std::size_t i = 0; i < queue_.size(); ++i) {
            const std::uint32_t v = queue_[i];
            if (level_[v] >= sink_level) break;  // deeper levels are on no shortest path
            if (excess_[v] < 0) {
                sink_level = level_[v];
                continue;  // deliver here, do not pass through
            }
            for (std::uint32_t k = tight_first_[v]; k < tight_first_[v + 1]; ++k) {
                const std::uint32_t a = tight_[k];
                const std::uint32_t w = head_[a];
                if (room_[a] <= 0 || level_[w] != kNoLevel) continue;
                level_[w] = level_[v] + 1;
                queue_.push_back(w);
            }
        }
        return sink_level != kNoLevel;
    }

    /// One augmenting path from s along the levels (Dinic, with per-node arc pointers).
    bool augment(std::uint32_t s) {
        path_.clear();
        nodes_.assign(1, s);
        std::uint32_t v = s;
        while (true) {
            if (v != s && excess_[v] < 0) {
                double delta = std::min(excess_[s], -excess_[v]);
                for (const std::uint32_t a : path_) delta = std::min(delta, room_[a]);
                for (const std::uint32_t a : path_) {
                    room_[a] = room_[a] == delta ? 0 : room_[a] - delta;
                    room_[reverse_[a]] += delta;
                }
                excess_[s] = excess_[s] == delta ? 0 : excess_[s] - delta;
                excess_[v] = -excess_[v] == delta ? 0 : excess_[v] + delta;
                return true;
            }
            bool advanced = false;
            for (; next_[v] < tight_first_[v + 1]; ++next_[v]) {
                const std::uint32_t a = tight_[next_[v]];
                const std::uint32_t w = head_[a];
                if (room_[a] > 0 && level_[w] == level_[v] + 1) {
                    path_.push_back(a);
                    nodes_.push_back(w);
                    v = w;
                    advanced = true;
                    break;
                }
            }
            if (advanced) continue;
            level_[v] = kNoLevel;  // dead end for this layering
            if (path_.empty()) return false;
            path_.pop_back();
            nodes_.pop_back();
            v = nodes_.back();
            ++next_[v];
        }
    }

    std::uint32_t n_;
    std::vector<std::uint32_t> first_;
    std::vector<std::uint32_t> head_, reverse_;
    std::vector<std::uint8_t> back_;  ///< 1 for arcs that move g back (cost -1)
    std::vector<double> room_;
    std::vector<std::uint32_t> forward_of_;  ///< original arc -> its forward residual arc
    std::vector<double> excess_;  ///< g still to send out (> 0) or to take in (< 0)
    std::vector<std::int64_t> potential_, dist_;
    std::vector<std::uint32_t> level_, next_;
    std::vector<std::uint32_t> tight_first_, tight_;
    std::vector<std::vector<std::uint32_t>> buckets_;
    std::vector<std::uint32_t> sources_, queue_, path_, nodes_;
};

}  // namespace

CirculationSolution solve_max_circulation(std::uint32_t nodes,
                                          const std::vector<CirculationArc>& arcs) {
    Transport transport(nodes, arcs);
    transport.run();
    return transport.solution(arcs);
}

}  // namespace crashchain::detail
