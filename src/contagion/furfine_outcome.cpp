#include "contagion/furfine_outcome.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>

#include "contagion/workspace.hpp"

namespace crashchain {

FurfineOutcome::FurfineOutcome(const PreparedNetwork& prepared)
    : prepared_(prepared),
      exposures_of_(transpose(prepared.cascade.exposed_to, prepared.entity_count)),
      loss_(prepared.entity_count),
      threshold_(prepared.entity_count),
      threshold_of_(prepared.entity_count),
      lengths_(prepared.entity_count),
      standing_(prepared.entity_count + 1),
      frontier_(
          std::max<std::size_t>(prepared.entity_count, prepared.cascade.exposed_to.entries()) + 1),
      newly_(frontier_.size()),
      by_row_length_(prepared.entity_count),
      last_round_mask_(prepared.entity_count, 0) {
    const auto& out_start = prepared.cascade.exposed_to.start;
    for (std::size_t i = 0; i < prepared.entity_count; ++i) {
        by_row_length_[i] = static_cast<EntityIndex>(i);
        lengths_[i] = Lengths{out_start[i + 1] - out_start[i],
                              exposures_of_.start[i + 1] - exposures_of_.start[i]};
    }
    std::stable_sort(by_row_length_.begin(), by_row_length_.end(),
                     [this](EntityIndex x, EntityIndex y) {
                         return exposures_of_.start[x + 1] - exposures_of_.start[x] <
                                exposures_of_.start[y + 1] - exposures_of_.start[y];
                     });
    // SPEC 3.1 defaults at loss >= C and loss > 0: C, or the least positive double for C = 0
    // (prepare refuses a negative capital).
    for (std::size_t i = 0; i < prepared.entity_count; ++i) {
        const double c = prepared.cascade.capital[i];
        threshold_of_[i] = c > 0 ? c : std::numeric_limits<double>::denorm_min();
    }
}

namespace {

/// The threshold of an entity in default: no loss reaches it (x >= NaN is false, even for an
/// infinite x), so pushes to it list it no more. Its loss no longer counts (it lost C).
constexpr double kInDefault = std::numeric_limits<double>::quiet_NaN();

/// A round pulls when the standing entities' exposures number fewer than this many times
/// the pushes (measured on the Monte Carlo benchmark's system-wide cascades).
constexpr std::uint64_t kPullAdvantage = 2;

}  // namespace

void FurfineOutcome::run(std::span<const double> fraction, std::vector<EntityIndex>& defaulted,
                         double& capital_lost_share) {
    const std::size_t n = prepared_.entity_count;
    const auto* capital = prepared_.cascade.capital.data();
    // Round 0: loss = F_i C_i for every entity; F_i = 1 defaults. Every entity's state is
    // rewritten, so nothing of the last run remains: the thresholds are copied (the defaults'
    // become NaN in mark_defaults below) and the losses computed in a loop of their own,
    // both vectorised. The defaults come out ascending, written branch-free (each entity to
    // the next slot, counted when in default).
    std::copy(threshold_of_.begin(), threshold_of_.end(), threshold_.begin());
    for (std::size_t i = 0; i < n; ++i) loss_[i] = fraction[i] * capital[i];
    std::size_t defaults = 0;
    for (std::size_t i = 0; i < n; ++i) {
        frontier_[defaults] = static_cast<EntityIndex>(i);
        defaults += static_cast<std::size_t>(fraction[i] >= 1);
    }
    frontier_size_ = defaults;
    std::uint64_t standing_exposures = exposures_of_.entries();  // a pull round reads at most
    // standing_ is listed at the first pull round, which most cascades reach after pushes.
    enum class Standing { unlisted, stale, current } standing = Standing::unlisted;
    bool ascending = true;  // the frontier; pull rounds list defaults in standing_'s order
    for (;;) {
        // Round 0's defaults are in default already: marking them again only sums them.
        const Lengths frontier_lengths = mark_defaults();
        if (frontier_size_ == 0) break;
        const std::uint64_t pushes = frontier_lengths[0];  // exposures a push round reads
        standing_exposures -= frontier_lengths[1];
        // A pull reads an exposure for a fraction of the cost of a push (no store, no
        // scatter), and needs standing_ without the entities in default.
        if (standing_exposures < kPullAdvantage * pushes) {
            if (standing != Standing::current) list_standing(standing == Standing::unlisted);
            pull_round();  // leaves standing_ without this round's defaults
            standing = Standing::current;
            ascending = false;
        } else {
            // A push adds to each entity in ascending order of the defaulted counterparty.
            if (!ascending) {
                frontier_size_ = sort_distinct_entities(frontier_.data(), frontier_size_, n,
                                                        bits_, frontier_.data());
            }
            push_round();
            if (standing == Standing::current) standing = Standing::stale;
            ascending = true;
        }
    }
    // Ascending, as FurfineEngine::digest sums: a defaulted entity lost C = min(loss, C) (its
    // loss reached its threshold: C, or for C = 0 a positive amount), a standing one
    // min(loss, C); zero terms add nothing.
    // The defaults are listed in standing_, free now, and copied out: growing `defaulted` to
    // n + 1 entries would zero them all first (Monte Carlo clears it before every run).
    defaults = 0;
    Dollars total = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const bool in_default = std::isnan(threshold_[i]);
        total += std::min(loss_[i], capital[i]);
        standing_[defaults] = static_cast<EntityIndex>(i);
        defaults += static_cast<std::size_t>(in_default);
    }
    defaulted.assign(standing_.begin(), standing_.begin() + static_cast<std::ptrdiff_t>(defaults));
    capital_lost_share = total / prepared_.cascade.total_capital;
}

void FurfineOutcome::push_round() {
    const auto& rows = prepared_.cascade.exposed_to;
    const auto* start = rows.start.data();
    const auto* column = rows.column.data();
    const auto* amount = rows.value.data();
    double* loss = loss_.data();
    const double* threshold = threshold_.data();
    EntityIndex* newly = newly_.data();
    std::uint64_t* mask = last_round_mask_.data();
    std::size_t count = 0;
    for (EntityIndex j : frontier()) {
        mask[j] = 0;  // set by mark_defaults for a pull
        for (std::uint64_t k = start[j]; k < start[j + 1]; ++k) {
            // Losses only grow within a round: reaching the threshold at some push is reaching
            // it at the end of the round, where SPEC 3.1 checks; every push is positive. An
            // entity is listed at every push from its crossing on (duplicates go below): the
            // loss alone goes from push to push through memory, which a hub receiving many
            // pushes in a round waits on, so nothing else is updated here.
            const EntityIndex i = column[k];
            const double after = loss[i] + amount[k];
            loss[i] = after;
            newly[count] = i;
            count += static_cast<std::size_t>(after >= threshold[i]);
        }
    }
    frontier_size_ =
        sort_distinct_entities(newly, count, prepared_.entity_count, bits_, frontier_.data());
}

void FurfineOutcome::list_standing(bool from_scratch) {
    // By row length, so that consecutive pulls run their row loops the same number of times
    // and the loop exit is predicted (the order of the pulls changes no sum).
    const EntityIndex* from = from_scratch ? by_row_length_.data() : standing_.data();
    const std::size_t size = from_scratch ? by_row_length_.size() : standing_size_;
    std::size_t kept = 0;
    for (std::size_t s = 0; s < size; ++s) {
        const EntityIndex i = from[s];
        standing_[kept] = i;  // kept <= s: in place when compacting
        kept += static_cast<std::size_t>(!std::isnan(threshold_[i]));
    }
    standing_size_ = kept;
}

FurfineOutcome::Lengths FurfineOutcome::mark_defaults() {
    Lengths sum{};
    for (EntityIndex i : frontier()) {
        threshold_[i] = kInDefault;
        last_round_mask_[i] = ~std::uint64_t{0};  // for a pull; the next round clears it
        sum += lengths_[i];
    }
    return sum;
}

void FurfineOutcome::pull_round() {
    const auto* start = exposures_of_.start.data();
    const auto* column = exposures_of_.column.data();
    const auto* amount = exposures_of_.value.data();
    // Last round's defaults have all-ones masks (the others' are 0): an exposure's term is
    // then its amount ANDed with its counterparty's mask, one load instead of a compare and a
    // widening. This round's defaults go to newly_ (free in a pull), so that last round's
    // stay listed to clear their masks after.
    std::uint64_t* mask = last_round_mask_.data();
    EntityIndex* defaulted = newly_.data();
    std::size_t count = 0;  // of the s entities pulled so far, s - count are kept
    const std::size_t size = standing_size_;
    for (std::size_t s = 0; s < size; ++s) {
        const EntityIndex i = standing_[s];
        // Every exposure of the row, those to entities that did not default last round adding
        // +0.0: the sum is the one push_round makes (the same terms, ascending j; x + 0.0 == x
        // for the non-negative losses), in one branch-free pass. It runs on past a crossing,
        // where the loss stops counting. A second pass over the hits, or a stop at the crossing,
        // costs a mispredicted branch per entity, more than the adds it saves. As in a push, only
        // a hit can default an entity: a standing loss can already be at its threshold (F C
        // rounds to C for a subnormal C).
        double sum = loss_[i];
        std::uint64_t hit = 0;
        const auto term = [&](std::uint64_t k) {
            const std::uint64_t keep = mask[column[k]];
            hit |= keep;
            return std::bit_cast<double>(std::bit_cast<std::uint64_t>(amount[k]) & keep);
        };
        // Two terms a step (still added one by one, in order): the loop's count, compare and
        // jump are a third of its instructions. Rows of one length are pulled in a run, so the
        // odd term's branch is predicted.
        const std::uint64_t end = start[i + 1];
        std::uint64_t k = start[i];
        for (; k + 2 <= end; k += 2) {
            sum += term(k);
            sum += term(k + 1);
        }
        if (k < end) sum += term(k);
        const bool defaults = (sum >= threshold_[i]) & (hit != 0);
        loss_[i] = sum;
        defaulted[count] = i;  // in standing_'s order
        // Compacted in place for the next pull (s - count <= s). Written before the count
        // grows: a count kept apart from it would take one more register, and the loop is
        // short of them.
        standing_[s - count] = i;
        count += static_cast<std::size_t>(defaults);
    }
    for (EntityIndex j : frontier()) mask[j] = 0;
    frontier_.swap(newly_);
    frontier_size_ = count;
    standing_size_ = size - count;
}

}  // namespace crashchain
