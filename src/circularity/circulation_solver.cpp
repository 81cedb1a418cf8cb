#include "circularity/circulation_solver.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>

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
// networks 4 relabels beat 0, 1, 2, 8 and 16 (budgets 1-5), and with 4 a budget of 3 beat 1;
// rechecked with the flagged heads and the retreating search: 2, 3, 6 and 8 were slower.
constexpr std::uint8_t kMaxRelabels = 4;
constexpr std::int64_t kRelabelBudgetPerArc = 3;
// A phase arc's head with two flags in its top bits: the searches test "has room" (the downhill
// search and relabels) or "its partner has room" (the labelling, which walks arcs backwards)
// and read the head from the same 4 bytes, instead of an arc's 8-byte rooms; they scan about
// 40 million arcs each at 1M contracts, so this cuts their memory traffic about four times.
constexpr std::uint32_t kHasRoom = 1U << 31;
constexpr std::uint32_t kPartnerHasRoom = 1U << 30;
constexpr std::uint32_t kHeadMask = kPartnerHasRoom - 1;

/// The residual network of g in compressed-sparse-row order: the residual arcs leaving v are
/// [first[v], first[v + 1]); each original arc gives one that moves more g (cost +1, room c - g)
/// and, at its head, one that moves g back (cost -1, room g).
class Transport {
public:
    Transport(std::uint32_t nodes, const std::vector<CirculationArc>& arcs)
        : n_(nodes),
          residual_(build_residual_arcs(nodes, arcs)),
          excess_(nodes, 0),
          potential_(nodes, 0),
          dist_(nodes),
          level_(nodes),
          next_(nodes),
          relabels_(nodes),
          phase_first_(nodes + 1) {
        if (nodes > kHeadMask) {
            throw std::overflow_error("circulation: more than 2^30 entities in components");
        }
        phase_index_.resize(residual_.head.size());
        for (const auto& a : arcs) {
            excess_[a.from] += a.capacity;
            excess_[a.to] -= a.capacity;
        }
    }

    void run() {
        bool by_dijkstra = true;
        while (by_dijkstra ? update_potentials() : raise_unreached()) {
            build_phase_graph();
            bool moved = false;
            while (label()) {
                moved = true;
                std::copy(phase_first_.begin(), phase_first_.end() - 1, next_.begin());
                std::fill(relabels_.begin(), relabels_.end(), 0);
                relabel_budget_ =
                    kRelabelBudgetPerArc * static_cast<std::int64_t>(phase_arc_.size() + n_);
                for (const std::uint32_t s : sources_) discharge(s);
            }
            for (std::size_t k = 0; k < phase_arc_.size(); ++k) {
                residual_.room[phase_arc_[k]] = phase_room_[k];
            }
            if (!moved && by_dijkstra) {
                // The Dijkstra reached a deficit on arcs with room that are now tight.
                throw std::logic_error("circulation: the phase found no path the Dijkstra found");
            }
            by_dijkstra = !moved;
        }
    }

    [[nodiscard]] CirculationSolution solution(const std::vector<CirculationArc>& arcs) const {
        CirculationSolution out;
        out.flow.resize(arcs.size());
        for (std::size_t i = 0; i < arcs.size(); ++i) {
            const std::uint32_t f = residual_.forward_of[i];
            const double taken_back = residual_.room[residual_.reverse[f]];  // g
            const double capacity = arcs[i].capacity;
            out.flow[i] = residual_.room[f] == 0 ? 0  // g = c exactly
                          : taken_back == 0      ? capacity
                                                 : std::clamp(capacity - taken_back, 0.0, capacity);
        }
        out.potential.assign(potential_.begin(), potential_.end());
        return out;
    }

private:
    [[nodiscard]] std::int64_t reduced(std::uint32_t v, std::uint32_t a) const {
        return (residual_.back[a] ? -1 : 1) + static_cast<std::int64_t>(potential_[v]) -
               potential_[residual_.head[a]];
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
                for (std::uint32_t a = residual_.first[v]; a < residual_.first[v + 1]; ++a) {
                    if (residual_.room[a] <= 0) continue;
                    const std::int64_t nd = static_cast<std::int64_t>(d) + reduced(v, a);
                    const std::uint32_t w = residual_.head[a];
                    if (nd >= dist_[w]) continue;
                    dist_[w] = static_cast<Potential>(nd);
                    const auto bucket = static_cast<std::size_t>(nd);
                    if (buckets_.size() <= bucket) buckets_.resize(bucket + 1);
                    buckets_[bucket].push_back(w);
                }
            }
        }
        if (found == kUnreached) return false;
        raise_potentials(found);
        return true;
    }

    /// After a phase that moved flow: raises by 1 the potential of every node the sources can
    /// not reach on phase arcs with room, by a search of the phase graph (no reduced costs, no
    /// buckets). That is the Dijkstra's update when the nearest deficit is 1 away, as it is
    /// after nearly every phase (17 of 17 at 1M contracts); when it is farther, the next phase
    /// moves nothing and run() asks the Dijkstra, so the potentials are the same either way:
    /// k unit steps raise each node by min(distance, k). False when no source is left.
    bool raise_unreached() {
        std::erase_if(sources_, [this](std::uint32_t s) { return excess_[s] <= 0; });
        if (sources_.empty()) return false;
        std::fill(dist_.begin(), dist_.end(), kUnreached);
        queue_.assign(sources_.begin(), sources_.end());
        for (const std::uint32_t s : sources_) dist_[s] = 0;
        for (std::size_t i = 0; i < queue_.size(); ++i) {
            const std::uint32_t v = queue_[i];
            for (std::uint32_t k = phase_first_[v]; k < phase_first_[v + 1]; ++k) {
                const std::uint32_t arc = phase_head_[k];
                if ((arc & kHasRoom) == 0 || dist_[arc & kHeadMask] == 0) continue;
                dist_[arc & kHeadMask] = 0;
                queue_.push_back(arc & kHeadMask);
            }
        }
        raise_potentials(1);
        return true;
    }

    /// Raises each potential by min(distance from the sources, by); keeps reduced costs >= 0
    /// when no deficit is nearer than `by`.
    void raise_potentials(std::int64_t by) {
        for (std::uint32_t v = 0; v < n_; ++v) {
            const std::int64_t raised = potential_[v] + std::min<std::int64_t>(dist_[v], by);
            if (raised >= kUnreached) {
                throw std::overflow_error("circulation: a node potential exceeds 32 bits");
            }
            potential_[v] = static_cast<Potential>(raised);
        }
    }

    /// The phase graph: the arcs of zero reduced cost, whatever their room, copied into their own
    /// compressed rows (flagged head, room, partner) so the searches of the phase read memory in
    /// order. Potentials stay fixed until the next Dijkstra, so these are all the arcs the phase
    /// can use (both ways of a tight arc are tight); their rooms go back to room_ when it ends.
    void build_phase_graph() {
        phase_arc_.clear();
        phase_head_.clear();
        phase_room_.clear();
        for (std::uint32_t v = 0; v < n_; ++v) {
            phase_first_[v] = static_cast<std::uint32_t>(phase_arc_.size());
            for (std::uint32_t a = residual_.first[v]; a < residual_.first[v + 1]; ++a) {
                if (reduced(v, a) != 0) continue;
                phase_index_[a] = static_cast<std::uint32_t>(phase_arc_.size());
                phase_arc_.push_back(a);
                phase_head_.push_back(residual_.head[a]);
                phase_room_.push_back(residual_.room[a]);
            }
        }
        phase_first_[n_] = static_cast<std::uint32_t>(phase_arc_.size());
        phase_reverse_.resize(phase_arc_.size());
        for (std::size_t k = 0; k < phase_arc_.size(); ++k) {
            phase_reverse_[k] = phase_index_[residual_.reverse[phase_arc_[k]]];
        }
        for (std::size_t k = 0; k < phase_arc_.size(); ++k) {
            set_flags(static_cast<std::uint32_t>(k));
        }
    }

    /// Sets arc k's flags from its room and its partner's.
    void set_flags(std::uint32_t k) {
        phase_head_[k] = (phase_head_[k] & kHeadMask) | (phase_room_[k] > 0 ? kHasRoom : 0) |
                         (phase_room_[phase_reverse_[k]] > 0 ? kPartnerHasRoom : 0);
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
                const std::uint32_t arc = phase_head_[k];
                if ((arc & kPartnerHasRoom) == 0) continue;
                const std::uint32_t v = arc & kHeadMask;
                if (level_[v] != kNoLevel) continue;
                level_[v] = level_[w] + 1;
                queue_.push_back(v);
            }
        }
        return std::any_of(sources_.begin(), sources_.end(), [this](std::uint32_t s) {
            return excess_[s] > 0 && level_[s] != kNoLevel;
        });
    }

    /// Augmenting paths from s until its excess is gone or it is dead: depth first along arcs
    /// with room to lower labels, so no path can loop (Dinic's blocking flow, on every downhill
    /// arc rather than on one level step only, with per-node arc pointers). After each
    /// augmentation the search backs up only to the tail of the first arc it saturated: the
    /// arc pointers before it still point along the path, so starting again from s would walk
    /// the same arcs. A node with no way down is relabelled, one more than its lowest
    /// neighbour, at most kMaxRelabels times per labelling and within a budget of arc scans;
    /// after that it is dead (kNoLevel) until the next labelling.
    ///
    /// Termination: labels only rise and stay lower bounds on the distance to a deficit, so a
    /// dead node is at least one arc further from every deficit than it was labelled; sources
    /// and deficits only shrink within a phase. Each labelling thus finds every remaining
    /// source at least one arc further than the one before, so a phase has at most n of them.
    void discharge(std::uint32_t s) {
        if (excess_[s] <= 0 || level_[s] == kNoLevel) return;
        path_.clear();
        nodes_.assign(1, s);
        std::uint32_t v = s;
        while (true) {
            // Only deficits have level 0 (labelled so; they never relabel, and no node becomes
            // one within a labelling), and level_[v] was just read: excess_ only for them.
            if (level_[v] == 0 && v != s && excess_[v] < 0) {
                if (push_along_path(s, v)) return;
                v = nodes_.back();
                continue;
            }
            // The scan keeps its pointer and v's level in registers (next_ and level_ are both
            // uint32 arrays: through memory every store to one would reload the other).
            const std::uint32_t end = phase_first_[v + 1], level = level_[v];
            std::uint32_t k = next_[v];
            while (k < end && !((phase_head_[k] & kHasRoom) != 0 &&
                                level_[phase_head_[k] & kHeadMask] < level)) {
                ++k;
            }
            next_[v] = k;
            if (k < end) {
                const std::uint32_t w = phase_head_[k] & kHeadMask;
                path_.push_back(k);
                nodes_.push_back(w);
                v = w;
                continue;
            }
            relabel(v);
            if (path_.empty()) {
                if (level_[v] == kNoLevel) return;
                continue;
            }
            path_.pop_back();  // the parent's arc pointer still points at v: it looks again
            nodes_.pop_back();
            v = nodes_.back();
        }
    }

    /// Pushes the most the path from s to the deficit t can take, then cuts the path at the
    /// tail of its first saturated arc. True when s has no excess left.
    bool push_along_path(std::uint32_t s, std::uint32_t t) {
        double delta = std::min(excess_[s], -excess_[t]);
        for (const std::uint32_t k : path_) delta = std::min(delta, phase_room_[k]);
        std::size_t cut = path_.size();
        for (std::size_t i = 0; i < path_.size(); ++i) {
            const std::uint32_t k = path_[i], partner = phase_reverse_[k];
            phase_room_[k] = phase_room_[k] == delta ? 0 : phase_room_[k] - delta;
            phase_room_[partner] += delta;
            set_flags(k);
            set_flags(partner);
            if (phase_room_[k] == 0 && cut == path_.size()) cut = i;
        }
        excess_[s] = excess_[s] == delta ? 0 : excess_[s] - delta;
        excess_[t] = -excess_[t] == delta ? 0 : excess_[t] + delta;
        path_.resize(cut);
        nodes_.resize(cut + 1);
        return excess_[s] == 0;
    }

    void relabel(std::uint32_t v) {
        const std::uint32_t begin = phase_first_[v], end = phase_first_[v + 1];
        if (relabels_[v] >= kMaxRelabels || relabel_budget_ <= 0) {
            level_[v] = kNoLevel;
            return;
        }
        ++relabels_[v];
        relabel_budget_ -= static_cast<std::int64_t>(end - begin) + 1;
        std::uint32_t lowest = kNoLevel, first_lowest = begin;
        for (std::uint32_t k = begin; k < end; ++k) {
            if ((phase_head_[k] & kHasRoom) == 0) continue;
            const std::uint32_t level = level_[phase_head_[k] & kHeadMask];
            if (level < lowest) {
                lowest = level;
                first_lowest = k;
            }
        }
        level_[v] = lowest == kNoLevel || lowest + 1 >= n_ ? kNoLevel : lowest + 1;
        // The arcs before the first lowest neighbour lead no lower than v's new level, and
        // can not come down before v is relabelled again: labels only rise, and one of them
        // gains room only by a push into v, which comes from above.
        next_[v] = first_lowest;
    }

    std::uint32_t n_;
    ResidualArcs residual_;  ///< back arcs cost -1, forward arcs +1
    std::vector<double> excess_;  ///< g still to send out (> 0) or to take in (< 0)
    std::vector<Potential> potential_, dist_;
    std::vector<std::uint32_t> level_, next_;
    std::vector<std::uint8_t> relabels_;  ///< per node, since the last labelling
    std::int64_t relabel_budget_ = 0;     ///< arc scans left for relabels this labelling
    // The phase graph (build_phase_graph): rows by tail; per arc its residual arc, flagged
    // head, room and partner; phase_index_ maps a residual arc to its place.
    std::vector<std::uint32_t> phase_first_, phase_arc_;
    std::vector<std::uint32_t> phase_index_;
    std::vector<std::uint32_t> phase_head_;  ///< head | kHasRoom | kPartnerHasRoom
    std::vector<double> phase_room_;
    std::vector<std::uint32_t> phase_reverse_;
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
