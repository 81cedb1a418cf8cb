#include "contagion/debtrank_batch.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>

#include "contagion/debtrank.hpp"
#include "contagion/workspace.hpp"

namespace crashchain {
namespace {

// Lane arithmetic in GCC/Clang vector extensions: the compilers do not vectorise the lane
// loops by themselves (they cannot rule out aliasing). Pair runs on SSE2, Quad on AVX2 (in
// code compiled for SSE2 only it would be split into pairs). Vectors stay inside the kernels,
// never passed or returned, so no function's ABI depends on the ISA.
using Pair = double __attribute__((vector_size(16)));
using Quad = double __attribute__((vector_size(32)));
template <class V>
struct MaskOf;
template <>
struct MaskOf<Pair> {
    using type = std::int64_t __attribute__((vector_size(16)));
};
template <>
struct MaskOf<Quad> {
    using type = std::int64_t __attribute__((vector_size(32)));
};
template <class V>
constexpr std::size_t kPer = sizeof(V) / sizeof(double);

bool cpu_has_avx2() {
#if defined(__x86_64__) || defined(__i386__)
    return __builtin_cpu_supports("avx2") != 0;
#else
    return false;
#endif
}

}  // namespace

DebtRankBatch::DebtRankBatch(const PreparedNetwork& prepared, bool wide)
    : prepared_(prepared),
      h_(prepared.entity_count, Lanes{}),
      incoming_(prepared.entity_count, Lanes{}),
      frontier_(prepared.entity_count + 1),
      frontier_push_(prepared.entity_count + 1),
      touched_(prepared.entity_count, 0),
      received_(prepared.entity_count + 1),
      is_source_(prepared.entity_count, 0),
      wide_(wide && cpu_has_avx2()),
      linear_(prepared.options.model == Model::linear_debtrank) {}

void DebtRankBatch::run(std::span<const EntityIndex> sources,
                        std::array<Summary, kLanes>& summary,
                        std::array<std::vector<EntityIndex>, kLanes>& defaulted) {
    // Step 1: h = 1 for each lane's source, which is distressed (D) and pushes 1 in its lane.
    for (std::size_t l = 0; l < kLanes; ++l) live_[l] = l < sources.size() ? ~std::uint64_t{0} : 0;
    std::copy(sources.begin(), sources.end(), frontier_.begin());
    std::sort(frontier_.begin(), frontier_.begin() + static_cast<std::ptrdiff_t>(sources.size()));
    frontier_size_ = sources.size();
    for (std::size_t f = 0; f < frontier_size_; ++f) {
        const EntityIndex j = frontier_[f];
        is_source_[j] = 1;
        frontier_push_[f] = Lanes{};
        for (std::size_t l = 0; l < sources.size(); ++l) {
            if (sources[l] == j) {
                h_[j][l] = 1.0;
                frontier_push_[f][l] = 1.0;
            }
        }
    }
    if (wide_) {
        finish_avx2(sources, summary, defaulted);
    } else {
        finish_baseline(sources, summary, defaulted);
    }
}

template <class V, bool kLinear>
[[gnu::always_inline]] inline void DebtRankBatch::propagate() {
    const std::size_t n = prepared_.entity_count;
    const auto* start = prepared_.cascade.exposed_to.start.data();
    std::size_t step = 1;
    while (frontier_size_ != 0) {
        std::uint64_t pushes = 0;
        for (std::size_t f = 0; f < frontier_size_; ++f) {
            pushes += start[frontier_[f] + 1] - start[frontier_[f]];
        }
        // As the single-run engines: many pushes are applied by a pass over every entity, few
        // by listing the receivers.
        const bool dense = pushes * 4 > n;
        const std::size_t reached = push_rows<V>(dense);
        ++step;
        Lanes largest{};
        if (dense) {
            apply_dense<V, kLinear>(largest);
        } else {
            apply_sparse<V, kLinear>(reached, largest);
        }
        if constexpr (kLinear) {
            // LinearDebtRankEngine stops after the step whose largest move is within the
            // tolerance, or after kMaxSteps.
            if (!freeze_converged(largest) || step >= LinearDebtRankEngine::kMaxSteps) break;
        }
    }
}

bool DebtRankBatch::freeze_converged(const Lanes& largest) {
    bool running = false;
    for (std::size_t l = 0; l < kLanes; ++l) {
        if (largest[l] <= LinearDebtRankEngine::kTolerance) live_[l] = 0;
        running = running || live_[l] != 0;
    }
    return running;
}

template <class V>
[[gnu::always_inline]] inline std::size_t DebtRankBatch::push_rows(bool dense) {
    // The flags are tested once here, not per push: this inner loop is the hottest in rank.
    // Prefetching follows the other kernels' rule (lanes beyond the per-core cache); at 10k
    // entities (640 KB of lanes) it only added five instructions per push.
    const bool prefetch = worth_prefetching<Lanes>(prepared_.entity_count);
    if (dense) {
        return prefetch ? push_rows_as<V, true, true>() : push_rows_as<V, true, false>();
    }
    return prefetch ? push_rows_as<V, false, true>() : push_rows_as<V, false, false>();
}

template <class V, bool kDense, bool kPrefetch>
[[gnu::always_inline]] inline std::size_t DebtRankBatch::push_rows_as() {
    constexpr std::size_t kVectors = kLanes / kPer<V>;
    const auto* start = prepared_.cascade.exposed_to.start.data();
    const auto* column = prepared_.cascade.exposed_to.column.data();
    const auto* weight = prepared_.cascade.weight.data();
    const std::uint64_t entries = prepared_.cascade.exposed_to.entries();
    Lanes* incoming = incoming_.data();
    unsigned char* touched = touched_.data();
    EntityIndex* received = received_.data();
    const EntityIndex* frontier = frontier_.data();
    const Lanes* frontier_push = frontier_push_.data();
    const std::size_t frontier_size = frontier_size_;
    std::size_t reached = 0;
    for (std::size_t f = 0; f < frontier_size; ++f) {
        const EntityIndex j = frontier[f];
        V source[kVectors];
        for (std::size_t v = 0; v < kVectors; ++v) {
            using M = typename MaskOf<V>::type;
            V amount;
            M live;
            std::memcpy(&amount, frontier_push[f].data() + v * kPer<V>, sizeof(V));
            std::memcpy(&live, live_.data() + v * kPer<V>, sizeof(M));
            source[v] = (V)((M)amount & live);  // a converged lane pushes +0
        }
        const std::uint64_t end = start[j + 1];
        for (std::uint64_t k = start[j]; k < end; ++k) {
            if constexpr (kPrefetch) prefetch_target(incoming, column, k, entries);
            const EntityIndex i = column[k];
            const double w = weight[k];
            double* in = incoming[i].data();
            for (std::size_t v = 0; v < kVectors; ++v) {
                V sum;
                std::memcpy(&sum, in + v * kPer<V>, sizeof(V));
                sum += source[v] * w;  // lane by lane: in[l] + w * source[l]
                std::memcpy(in + v * kPer<V>, &sum, sizeof(V));
            }
            if constexpr (!kDense) {
                // Listed once, at its first push: branch-free, as in scatter_row.
                received[reached] = i;
                reached += static_cast<std::size_t>(touched[i] == 0);
                touched[i] = 1;
            }
        }
    }
    return reached;
}

namespace {

/// True if some lane of the mask is set. The halves are or-ed as vectors first: fewer
/// instructions than lane by lane, on the per-entity passes.
template <class M>
[[gnu::always_inline]] inline bool any_lane(const M& mask) {  // by reference: no vector ABI
    if constexpr (sizeof(M) == 32) {
        using Half = std::int64_t __attribute__((vector_size(16)));
        Half low;
        Half high;
        std::memcpy(&low, &mask, sizeof(Half));
        std::memcpy(&high, reinterpret_cast<const char*>(&mask) + sizeof(Half), sizeof(Half));
        const Half both = low | high;
        return (both[0] | both[1]) != 0;
    } else {
        return (mask[0] | mask[1]) != 0;
    }
}

/// One entity of a step: h <- min(1, h + incoming) in every lane (std::min(1.0, x) bit for
/// bit), and what it pushes next step. Single-hit: an entity whose h was 0 and gets a positive
/// push turns distressed and pushes its new h (else 0). Linear: it pushes what h moved
/// (LinearDebtRankEngine's `updated - h`), and `largest` keeps the largest move per lane.
/// Clears `incoming`. True if it pushes anything.
template <class V, bool kLinear, std::size_t L>
[[gnu::always_inline]] inline bool apply_step(double* h, double* in, double* pushing,
                                              V* largest) {
    using M = typename MaskOf<V>::type;
    static_assert(L % kPer<V> == 0);
    const V zero = {};
    const V one = zero + 1.0;
    M any = {};
    for (std::size_t l = 0; l < L; l += kPer<V>) {
        V before;
        V add;
        std::memcpy(&before, h + l, sizeof(V));
        std::memcpy(&add, in + l, sizeof(V));
        const V sum = before + add;
        const M below = sum < one;
        const V after = (V)(((M)sum & below) | ((M)one & ~below));
        V push;
        if constexpr (kLinear) {
            push = after - before;  // >= 0: h never falls
            V& most = largest[l / kPer<V>];
            const M higher = push > most;
            most = (V)(((M)push & higher) | ((M)most & ~higher));
            any |= push != zero;
        } else {
            const M turns = (before == zero) & (add > zero);
            push = (V)((M)after & turns);
            any |= turns;
        }
        std::memcpy(h + l, &after, sizeof(V));
        std::memcpy(pushing + l, &push, sizeof(V));
        std::memcpy(in + l, &zero, sizeof(V));
    }
    return any_lane(any);
}

/// Bit l set where h[l] >= kDebtRankDefault.
template <class V, std::size_t L>
[[gnu::always_inline]] inline unsigned defaulted_lanes(const double* h) {
    using M = typename MaskOf<V>::type;
    constexpr std::size_t kVectors = L / kPer<V>;
    const V threshold = V{} + kDebtRankDefault;
    M is_default[kVectors];
    M any = {};
    for (std::size_t v = 0; v < kVectors; ++v) {
        V value;
        std::memcpy(&value, h + v * kPer<V>, sizeof(V));
        is_default[v] = value >= threshold;
        any |= is_default[v];
    }
    // Most entities default in no lane: the bits are gathered only for the others.
    if (!any_lane(any)) return 0;
    unsigned bits = 0;
    for (std::size_t v = 0; v < kVectors; ++v) {
        for (std::size_t e = 0; e < kPer<V>; ++e) {
            bits |= static_cast<unsigned>(is_default[v][e] & 1) << (v * kPer<V> + e);
        }
    }
    return bits;
}

}  // namespace

template <class V, bool kLinear>
[[gnu::always_inline]] inline void DebtRankBatch::apply_dense(Lanes& largest) {
    // Every entity, ascending: the next frontier comes out sorted. A zero push changes nothing
    // (h <= 1), as in the single-run engines' dense steps. Slot `next` is written whether or
    // not the entity pushes next; only one that does keeps it.
    V most[kLanes / kPer<V>] = {};
    const std::size_t n = prepared_.entity_count;
    Lanes* h = h_.data();
    Lanes* incoming = incoming_.data();
    EntityIndex* frontier = frontier_.data();
    Lanes* frontier_push = frontier_push_.data();
    std::size_t next = 0;
    for (std::size_t i = 0; i < n; ++i) {
        frontier[next] = static_cast<EntityIndex>(i);
        next += static_cast<std::size_t>(apply_step<V, kLinear, kLanes>(
            h[i].data(), incoming[i].data(), frontier_push[next].data(), most));
    }
    frontier_size_ = next;
    std::memcpy(largest.data(), most, sizeof(Lanes));
}

template <class V, bool kLinear>
[[gnu::always_inline]] inline void DebtRankBatch::apply_sparse(std::size_t reached,
                                                               Lanes& largest) {
    // Receivers in ascending order, so that the next frontier comes out sorted with its
    // push amounts beside it.
    V most[kLanes / kPer<V>] = {};
    sort_entities(received_.data(), reached, prepared_.entity_count, bits_);
    std::size_t next = 0;
    for (std::size_t r = 0; r < reached; ++r) {
        const EntityIndex i = received_[r];
        touched_[i] = 0;
        frontier_[next] = i;
        next += static_cast<std::size_t>(apply_step<V, kLinear, kLanes>(
            h_[i].data(), incoming_[i].data(), frontier_push_[next].data(), most));
    }
    frontier_size_ = next;
    std::memcpy(largest.data(), most, sizeof(Lanes));
}

template <class V>
[[gnu::always_inline]] inline void DebtRankBatch::summarize(
    std::span<const EntityIndex> sources, std::array<Summary, kLanes>& summary,
    std::array<std::vector<EntityIndex>, kLanes>& defaulted) {
    constexpr std::size_t kVectors = kLanes / kPer<V>;
    const auto& capital = prepared_.cascade.capital;
    const std::size_t lanes = sources.size();
    const unsigned used_lanes = (1u << lanes) - 1;
    V lost[kVectors] = {};
    V induced[kVectors] = {};
    for (std::size_t l = 0; l < kLanes; ++l) defaulted[l].clear();
    // Ascending entities, each lane summed as debtrank_digest sums it (unreached entities add
    // exact zeros); h(1) is 1 at the lane's source, else 0, and h - 0 = h exactly. h is
    // cleared for the next batch.
    for (std::size_t i = 0; i < prepared_.entity_count; ++i) {
        double* h = h_[i].data();
        const double c = capital[i];
        Lanes initial{};
        if (is_source_[i] != 0) {
            is_source_[i] = 0;
            for (std::size_t l = 0; l < lanes; ++l) {
                initial[l] = static_cast<double>(sources[l] == i);
            }
        }
        for (std::size_t v = 0; v < kVectors; ++v) {
            V value;
            V start;
            std::memcpy(&value, h + v * kPer<V>, sizeof(V));
            std::memcpy(&start, initial.data() + v * kPer<V>, sizeof(V));
            lost[v] += value * c;
            induced[v] += (value - start) * c;
        }
        for (unsigned bits = defaulted_lanes<V, kLanes>(h) & used_lanes; bits != 0;
             bits &= bits - 1) {
            defaulted[static_cast<std::size_t>(std::countr_zero(bits))].push_back(
                static_cast<EntityIndex>(i));
        }
        h_[i] = Lanes{};
    }
    Lanes total_lost;
    Lanes total_induced;
    std::memcpy(total_lost.data(), lost, sizeof(Lanes));
    std::memcpy(total_induced.data(), induced, sizeof(Lanes));
    const double total = prepared_.cascade.total_capital;
    for (std::size_t l = 0; l < lanes; ++l) {
        summary[l].capital_lost = total_lost[l];
        summary[l].own_loss = capital[sources[l]];  // h = 1 at the source
        summary[l].debtrank = total_induced[l] / total;
    }
}

// The kernels inline into these two, so the AVX2 one compiles them for AVX2.
void DebtRankBatch::finish_baseline(std::span<const EntityIndex> sources,
                                    std::array<Summary, kLanes>& summary,
                                    std::array<std::vector<EntityIndex>, kLanes>& defaulted) {
    if (linear_) {
        propagate<Pair, true>();
    } else {
        propagate<Pair, false>();
    }
    summarize<Pair>(sources, summary, defaulted);
}

#if defined(__x86_64__) || defined(__i386__)
__attribute__((target("avx2")))
#endif
void DebtRankBatch::finish_avx2(std::span<const EntityIndex> sources,
                                std::array<Summary, kLanes>& summary,
                                std::array<std::vector<EntityIndex>, kLanes>& defaulted) {
    if (linear_) {
        propagate<Quad, true>();
    } else {
        propagate<Quad, false>();
    }
    summarize<Quad>(sources, summary, defaulted);
}

}  // namespace crashchain
