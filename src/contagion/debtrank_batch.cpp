#include "contagion/debtrank_batch.hpp"

#include <algorithm>
#include <cstring>
#include <bit>
#include <cstdint>

#include "contagion/debtrank.hpp"
#include "contagion/workspace.hpp"

namespace crashchain {

DebtRankBatch::DebtRankBatch(const PreparedNetwork& prepared)
    : prepared_(prepared),
      h_(prepared.entity_count, Lanes{}),
      incoming_(prepared.entity_count, Lanes{}),
      pushing_(prepared.entity_count, Lanes{}),
      touched_(prepared.entity_count, 0),
      frontier_(prepared.entity_count + 1),
      received_(prepared.entity_count + 1) {}

void DebtRankBatch::run(std::span<const EntityIndex> sources,
                        std::array<Summary, kLanes>& summary,
                        std::array<std::vector<EntityIndex>, kLanes>& defaulted) {
    const std::size_t n = prepared_.entity_count;
    const auto* start = prepared_.cascade.exposed_to.start.data();
    // Step 1: h = 1 for each lane's source, which is distressed (D).
    frontier_.clear();
    for (std::size_t l = 0; l < sources.size(); ++l) {
        h_[sources[l]][l] = 1.0;
        pushing_[sources[l]][l] = 1.0;
        frontier_.push_back(sources[l]);
    }
    std::sort(frontier_.begin(), frontier_.end());
    frontier_.erase(std::unique(frontier_.begin(), frontier_.end()), frontier_.end());
    while (!frontier_.empty()) {
        std::uint64_t pushes = 0;
        for (EntityIndex j : frontier_) pushes += start[j + 1] - start[j];
        // As DebtRankEngine: many pushes are applied by a pass over every entity, few by
        // listing the receivers.
        const bool dense = pushes * 4 > n;
        const std::size_t reached = push_rows(dense);
        if (dense) {
            apply_dense();
        } else {
            apply_sparse(reached);
        }
    }
    summarize(sources, summary, defaulted);
}

std::size_t DebtRankBatch::push_rows(bool dense) {
    const auto* start = prepared_.cascade.exposed_to.start.data();
    const auto* column = prepared_.cascade.exposed_to.column.data();
    const auto* weight = prepared_.cascade.weight.data();
    const std::uint64_t entries = prepared_.cascade.exposed_to.entries();
    // Receivers' lines are random and the lanes of n entities exceed L1 beyond ~500 entities.
    const bool prefetch = prepared_.entity_count * sizeof(Lanes) > (std::size_t{1} << 15);
    Lanes* incoming = incoming_.data();
    unsigned char* touched = touched_.data();
    EntityIndex* received = received_.data();
    std::size_t reached = 0;
    for (EntityIndex j : frontier_) {
        // Distressed entities propagate once, then are inactive: their push amount goes to 0.
        const Lanes source = pushing_[j];
        pushing_[j] = Lanes{};
        for (std::uint64_t k = start[j]; k < start[j + 1]; ++k) {
            if (prefetch) prefetch_target(incoming, column, k, entries);
            const EntityIndex i = column[k];
            const double w = weight[k];
            Lanes& in = incoming[i];
            for (std::size_t l = 0; l < kLanes; ++l) in[l] += w * source[l];
            if (!dense) {
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

// Two lanes per SSE2 register (GCC/Clang vector extensions; no wider ISA is assumed): the
// compilers do not vectorise the lane loop by themselves (they cannot rule out aliasing).

using Pair = double __attribute__((vector_size(16)));
using PairMask = std::int64_t __attribute__((vector_size(16)));

/// h <- min(1, h + incoming) in every lane (std::min(1.0, x) bit for bit); an entity whose h
/// was 0 and gets a positive push turns distressed and pushes its new h next step (else 0).
/// Clears `incoming`. True if any lane turned.
template <std::size_t L>
inline bool apply_entity(std::array<double, L>& h, std::array<double, L>& in,
                         std::array<double, L>& pushing) {
    static_assert(L % 2 == 0);
    const Pair zero = {0.0, 0.0};
    const Pair one = {1.0, 1.0};
    PairMask any = {0, 0};
    for (std::size_t l = 0; l < L; l += 2) {
        Pair before;
        Pair add;
        std::memcpy(&before, &h[l], sizeof(Pair));
        std::memcpy(&add, &in[l], sizeof(Pair));
        const Pair sum = before + add;
        const PairMask below = sum < one;
        const Pair after = (Pair)(((PairMask)sum & below) | ((PairMask)one & ~below));
        const PairMask turns = (before == zero) & (add > zero);
        const Pair push = (Pair)((PairMask)after & turns);
        any |= turns;
        std::memcpy(&h[l], &after, sizeof(Pair));
        std::memcpy(&pushing[l], &push, sizeof(Pair));
        std::memcpy(&in[l], &zero, sizeof(Pair));
    }
    return (any[0] | any[1]) != 0;
}

}  // namespace

void DebtRankBatch::apply_dense() {
    // Every entity, ascending: the next frontier comes out sorted. A zero push changes nothing
    // (h <= 1), as in DebtRankEngine's dense steps.
    const std::size_t n = prepared_.entity_count;
    frontier_.resize(n + 1);
    std::size_t next = 0;
    for (std::size_t i = 0; i < n; ++i) {
        frontier_[next] = static_cast<EntityIndex>(i);
        next += static_cast<std::size_t>(apply_entity(h_[i], incoming_[i], pushing_[i]));
    }
    frontier_.resize(next);
}

void DebtRankBatch::apply_sparse(std::size_t reached) {
    std::size_t next = 0;
    for (std::size_t r = 0; r < reached; ++r) {
        const EntityIndex i = received_[r];
        touched_[i] = 0;
        received_[next] = i;
        next += static_cast<std::size_t>(apply_entity(h_[i], incoming_[i], pushing_[i]));
    }
    frontier_.assign(received_.begin(), received_.begin() + static_cast<std::ptrdiff_t>(next));
    sort_entities(frontier_, prepared_.entity_count, bits_);
}

void DebtRankBatch::summarize(std::span<const EntityIndex> sources,
                              std::array<Summary, kLanes>& summary,
                              std::array<std::vector<EntityIndex>, kLanes>& defaulted) {
    const auto& capital = prepared_.cascade.capital;
    const std::size_t lanes = sources.size();
    std::array<EntityIndex, kLanes> source;
    source.fill(kNoEntity);
    std::copy(sources.begin(), sources.end(), source.begin());
    Lanes lost{};
    Lanes induced{};
    for (std::size_t l = 0; l < kLanes; ++l) defaulted[l].clear();
    // Ascending entities, each lane summed as debtrank_digest sums it (unreached entities add
    // exact zeros); h(1) is 1 at the lane's source, else 0. h is cleared for the next batch.
    for (std::size_t i = 0; i < prepared_.entity_count; ++i) {
        Lanes& h = h_[i];
        const double c = capital[i];
        for (std::size_t l = 0; l < kLanes; ++l) {
            const double initial = static_cast<double>(source[l] == i);
            lost[l] += h[l] * c;
            induced[l] += (h[l] - initial) * c;
        }
        for (std::size_t l = 0; l < lanes; ++l) {
            if (h[l] >= kDebtRankDefault) defaulted[l].push_back(static_cast<EntityIndex>(i));
        }
        h = Lanes{};
    }
    const double total = prepared_.cascade.total_capital;
    for (std::size_t l = 0; l < lanes; ++l) {
        summary[l].capital_lost = lost[l];
        summary[l].own_loss = capital[sources[l]];  // h = 1 at the source
        summary[l].debtrank = induced[l] / total;
    }
}

}  // namespace crashchain
