#include "circularity/circulation_solver.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <utility>

namespace crashchain::detail {
namespace {

// Potentials and distances are stored in 32 bits (computed in 64): with unit costs they stay
// within a small multiple of the node count (shortest-path lengths in arcs), and the arrays,
// read at random by the Dijkstra and the phase build, take half the cache. A potential that
// would not fit is refused (update_potentials), never wrapped.
using Potential = std::int32_t;
constexpr Potential kUnreached = std::numeric_limits<Potential>::max();
constexpr std::uint32_t kNoLevel = std::numeric_limits<std::uint32_t>::max();
// Relabels per node and labelling, and arc scans for them per phase arc and node: on the generated
// networks 4 relabels beat 0, 1, 2, 8 and 16 (budgets 1-5), and with 4 a budget of 3 beat 1.
constexpr std::uint8_t kMaxRelabels = 4;
constexpr std::int64_t kRelabelBudgetPerArc = 3;

/// The residual network of g in compressed-sparse-row order: the residual arcs leaving v are
/// [first_[v], first_[v + 1]); each original arc gives one that moves more g (cost +1, room
/// c - g) and, at its head, one that moves g back (cost -1, room g).
class Transport {
public:
    Transport(std::uint32_t nodes, const std::vector<CirculationArc>& arcs)
        : n_(nodes), excess_(nodes, 0), potential_(nodes, 0), dist_(nodes), level_(nodes),
          next_(nodes), relabels_(nodes), phase_first_(nodes + 1) {
        ResidualArcs residual = build_residual_arcs(nodes, arcs);
        first_ = std::move(residual.first);
        head_ = std::move(residual.head);
        reverse_ = std::move(residual.reverse);
        back_ = std::move(residual.back);
        room_ = std::move(residual.room);
        forward_of_ = std::move(residual.forward_of);
        phase_index_.resize(head_.size());
        for (const auto& a : arcs) {
            excess_[a.from] += a.capacity;
            excess_[a.to] -= a.capacity;
        }
    }

    void run() {
        while (update_potentials()) {
            build_phase_graph();
            while (label()) {
                std::copy(phase_first_.begin(), phase_first_.end() - 1, next_.begin());
                std::fill(relabels_.begin(), relabels_.end(), 0);
                relabel_budget_ =
                    kRelabelBudgetPerArc * static_cast<std::int64_t>(phase_.size() + n_);
                for (const std::uint32_t s : sources_) {
                    while (excess_[s] > 0 && level_[s] != kNoLevel && augment(s)) {
                    }
                }
            }
            for (std::size_t k = 0; k < phase_arc_.size(); ++k) {
                room_[phase_arc_[k]] = phase_[k].room;
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
        out.potential.assign(potential_.begin(), potential_.end());
        return out;
    }

private:
    [[nodiscard]] std::int64_t reduced(std::uint32_t v, std::uint32_t a) const {
        return (back_[a] ? -1 : 1) + static_cast<std::int64_t>(potential_[v]) -
               potential_[head_[a]];
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
        std::int64_t found = kUnreached;  // a distance, or kUnreached
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
                    dist_[w] = static_cast<Potential>(nd);
                    const auto bucket = static_cast<std::size_t>(nd);
                    if (buckets_.size() <= bucket) buckets_.resize(bucket + 1);
                    buckets_[bucket].push_back(w);
                }
            }
        }
        if (found == kUnreached) return false;
        for (std::uint32_t v = 0; v < n_; ++v) {
            const std::int64_t raised = potential_[v] + std::min<std::int64_t>(dist_[v], found);
            if (raised >= kUnreached) {
                throw std::overflow_error("circulation: a node potential exceeds 32 bits");
            }
            potential_[v] = static_cast<Potential>(raised);
        }
        return true;
    }

    /// The phase graph: the arcs of zero reduced cost, whatever their room, copied into their own
    /// compressed rows (head, room, partner) so the searches of the phase read memory in order.
    /// Potentials stay fixed until the next Dijkstra, so these are all the arcs the phase can use
    /// (both ways of a tight arc are tight); their rooms go back to room_ when it ends.
    void build_phase_graph() {
        phase_arc_.clear();
        phase_.clear();
        for (std::uint32_t v = 0; v < n_; ++v) {
            phase_first_[v] = static_cast<std::uint32_t>(phase_arc_.size());
            for (std::uint32_t a = first_[v]; a < first_[v + 1]; ++a) {
                if (reduced(v, a) != 0) continue;
                phase_index_[a] = static_cast<std::uint32_t>(phase_arc_.size());
                phase_arc_.push_back(a);
                phase_.push_back({head_[a], 0, room_[a], 0});
            }
        }
        phase_first_[n_] = static_cast<std::uint32_t>(phase_arc_.size());
        for (std::size_t k = 0; k < phase_arc_.size(); ++k) {
            const std::uint32_t partner = reverse_[phase_arc_[k]];
            phase_[k].reverse = phase_index_[partner];
            phase_[k].partner_room = room_[partner];
        }
    }

    /// Labels every node with its distance in arcs to the nearest node with a deficit, over the
    /// phase arcs with room (breadth first, backwards from the deficits). False when no node
    /// with excess has a label: the phase is over.
    bool label() {
        std::fill(level_.begin(), level_.end(), kNoLevel);
        queue_.clear();
        for (std::uint32_t v = 0; v < n_; ++v) {
            if (excess_[v] < 0) {
                level_[v] = 0;
                queue_.push_back(v);
            }
        }
        for (std::size_t i = 0; i < queue_.size(); ++i) {
            const std::uint32_t w = queue_[i];
            for (std::uint32_t k = phase_first_[w]; k < phase_first_[w + 1]; ++k) {
                // k is w -> v: its partner is v -> w. The partner's room (in the arc, read in
                // order) first: v's level is a random access, needed only when it has room.
                if (phase_[k].partner_room <= 0) continue;
                const std::uint32_t v = phase_[k].head;
                if (level_[v] != kNoLevel) continue;
                level_[v] = level_[w] + 1;
                queue_.push_back(v);
            }
        }
        return std::any_of(sources_.begin(), sources_.end(), [this](std::uint32_t s) {
            return excess_[s] > 0 && level_[s] != kNoLevel;
        });
    }

    /// One augmenting path from s, depth first along arcs with room to lower labels, so no path
    /// can loop (Dinic's blocking flow, on every downhill arc rather than on one level step
    /// only, with per-node arc pointers). A node with no way down is relabelled, one more than
    /// its lowest neighbour, at most kMaxRelabels times per labelling and within a budget of
    /// arc scans; after that it is dead (kNoLevel) until the next labelling. False when s is.
    ///
    /// Termination: labels only rise and stay lower bounds on the distance to a deficit, so a
    /// dead node is at least one arc further from every deficit than it was labelled; sources
    /// and deficits only shrink within a phase. Each labelling thus finds every remaining
    /// source at least one arc further than the one before, so a phase has at most n of them.
    bool augment(std::uint32_t s) {
        path_.clear();
        nodes_.assign(1, s);
        std::uint32_t v = s;
        while (true) {
            // Only deficits have level 0 (labelled so; they never relabel, and no node becomes
            // one within a labelling), and level_[v] was just read: excess_ only for them.
            if (level_[v] == 0 && v != s && excess_[v] < 0) {
                double delta = std::min(excess_[s], -excess_[v]);
                for (const std::uint32_t k : path_) delta = std::min(delta, phase_[k].room);
                for (const std::uint32_t k : path_) {
                    PhaseArc& arc = phase_[k];
                    PhaseArc& partner = phase_[arc.reverse];
                    arc.room = arc.room == delta ? 0 : arc.room - delta;
                    partner.room += delta;
                    arc.partner_room = partner.room;
                    partner.partner_room = arc.room;
                }
                excess_[s] = excess_[s] == delta ? 0 : excess_[s] - delta;
                excess_[v] = -excess_[v] == delta ? 0 : excess_[v] + delta;
                return true;
            }
            // The scan keeps its pointer and v's level in registers (next_ and level_ are both
            // uint32 arrays: through memory every store to one would reload the other).
            const std::uint32_t end = phase_first_[v + 1], level = level_[v];
            std::uint32_t k = next_[v];
            while (k < end && !(phase_[k].room > 0 && level_[phase_[k].head] < level)) ++k;
            next_[v] = k;
            if (k < end) {
                const std::uint32_t w = phase_[k].head;
                path_.push_back(k);
                nodes_.push_back(w);
                v = w;
                continue;
            }
            relabel(v);
            if (path_.empty()) return level_[v] != kNoLevel;
            path_.pop_back();  // the parent's arc pointer still points at v: it looks again
            nodes_.pop_back();
            v = nodes_.back();
        }
    }

    void relabel(std::uint32_t v) {
        const std::uint32_t begin = phase_first_[v], end = phase_first_[v + 1];
        if (relabels_[v] >= kMaxRelabels || relabel_budget_ <= 0) {
            level_[v] = kNoLevel;
            return;
        }
        ++relabels_[v];
        relabel_budget_ -= static_cast<std::int64_t>(end - begin) + 1;
        std::uint32_t lowest = kNoLevel;
        for (std::uint32_t k = begin; k < end; ++k) {
            if (phase_[k].room > 0) lowest = std::min(lowest, level_[phase_[k].head]);
        }
        level_[v] = lowest == kNoLevel || lowest + 1 >= n_ ? kNoLevel : lowest + 1;
        next_[v] = begin;
    }

    std::uint32_t n_;
    std::vector<std::uint32_t> first_;
    std::vector<std::uint32_t> head_, reverse_;
    std::vector<std::uint8_t> back_;  ///< 1 for arcs that move g back (cost -1)
    std::vector<double> room_;
    std::vector<std::uint32_t> forward_of_;  ///< original arc -> its forward residual arc
    std::vector<double> excess_;  ///< g still to send out (> 0) or to take in (< 0)
    std::vector<Potential> potential_, dist_;
    std::vector<std::uint32_t> level_, next_;
    std::vector<std::uint8_t> relabels_;  ///< per node, since the last labelling
    std::int64_t relabel_budget_ = 0;     ///< arc scans left for relabels this labelling
    // The phase graph (build_phase_graph): rows by tail, each arc's residual arc and its
    // head, partner and rooms; phase_index_ maps a residual arc to its place. The partner's
    // room is mirrored in the arc so the labelling, which reads it for every arc, reads the
    // arcs in order rather than jumping to each partner.
    struct PhaseArc {
        std::uint32_t head;
        std::uint32_t reverse;
        double room;
        double partner_room;  ///< == phase_[reverse].room
    };
    std::vector<std::uint32_t> phase_first_, phase_arc_;
    std::vector<std::uint32_t> phase_index_;
    std::vector<PhaseArc> phase_;
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
