#include "contagion/furfine.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <limits>

#include "contagion/causes.hpp"

namespace crashchain {

namespace {

/// The default threshold of an entity already in default: no loss reaches it.
constexpr Dollars kNoThreshold = std::numeric_limits<Dollars>::infinity();
/// `threshold`, or infinite when `defaults`, by bit masks: compilers turn a ternary or a max
/// into a branch, which mispredicts on every default of a cascade.
inline Dollars raise_if(bool defaults, Dollars threshold) {
    const std::uint64_t mask = 0 - static_cast<std::uint64_t>(defaults);
    return std::bit_cast<Dollars>((std::bit_cast<std::uint64_t>(threshold) & ~mask) |
                                  (std::bit_cast<std::uint64_t>(kNoThreshold) & mask));
}

}  // namespace

FurfineEngine::FurfineEngine(const PreparedNetwork& prepared)
    : prepared_(prepared),
      account_(prepared.entity_count),
      round_(prepared.entity_count, -1),
      shocked_(prepared.entity_count),
      newly_(prepared.entity_count + 1),
      marks_(prepared.entity_count) {
    for (std::size_t i = 0; i < account_.size(); ++i) {
        account_[i].threshold = prepared.cascade.capital[i];
    }
}

void FurfineEngine::reset() {
    const std::size_t n = prepared_.entity_count;
    if (pushes_ * 4 > n) {
        for (Account& a : account_) a.loss = 0;
    } else {
        // Only the counterparties of the defaulted and the shocked themselves have a loss.
        const auto& exposed_to = prepared_.cascade.exposed_to;
        for (EntityIndex j : defaulted_) {
            for (EntityIndex i : exposed_to.columns(j)) account_[i].loss = 0;
        }
        for (EntityIndex i : shocked_.list()) account_[i].loss = 0;
    }
    for (EntityIndex i : defaulted_) {
        round_[i] = -1;
        account_[i].threshold = prepared_.cascade.capital[i];
    }
    shocked_.clear();
    defaulted_.clear();
    pushes_ = 0;
}

void FurfineEngine::run(std::span<const Shock> shock) {
    reset();
    const std::size_t n = prepared_.entity_count;
    const auto* capital = prepared_.cascade.capital.data();
    frontier_.clear();
    for (const auto& s : shock) {
        if (!shocked_.insert(s.entity)) continue;  // an entity listed twice is shocked once
        account_[s.entity].loss = s.fraction * capital[s.entity];
        if (s.fraction >= 1) {
            round_[s.entity] = 0;
            account_[s.entity].threshold = kNoThreshold;
            frontier_.push_back(s.entity);
        }
    }
    sort_entities(frontier_, n, bits_);
    defaulted_ = frontier_;
    const auto* start = prepared_.cascade.exposed_to.start.data();
    const auto* column = prepared_.cascade.exposed_to.column.data();
    const auto* amount = prepared_.cascade.exposed_to.value.data();
    Account* account = account_.data();
    EntityIndex* newly = newly_.data();
    const std::uint64_t entries = prepared_.cascade.exposed_to.entries();
    const bool prefetch = worth_prefetching<Account>(n);
    int round = 0;
    while (!frontier_.empty()) {
        ++round;
        std::size_t defaulting = 0;
        // Losses accumulate from every default of earlier rounds: adding the last round's
        // defaults (ascending, a fixed order of addition) to the running totals gives that sum.
        for (EntityIndex j : frontier_) {
            pushes_ += start[j + 1] - start[j];
            for (std::uint64_t k = start[j]; k < start[j + 1]; ++k) {
                if (prefetch) prefetch_target(account, column, k, entries);
                Account& a = account[column[k]];
                a.loss += amount[k];
                // Losses only grow within a round, so crossing the capital at some push is
                // crossing it at the end of the round, where SPEC 3.1 checks. The threshold
                // is C_i until i defaults, then infinite. SPEC 6: C = 0 defaults on any
                // positive loss, and every loss here is positive (X > 0). Without a branch:
                // the entity is written to the next free slot, which counts only if it defaults.
                const bool defaults = a.loss >= a.threshold;
                a.threshold = raise_if(defaults, a.threshold);
                newly[defaulting] = column[k];
                defaulting += static_cast<std::size_t>(defaults);
            }
        }
        next_.assign(newly, newly + defaulting);
        for (EntityIndex i : next_) round_[i] = round;
        sort_entities(next_, n, bits_);
        defaulted_.insert(defaulted_.end(), next_.begin(), next_.end());
        frontier_.swap(next_);
    }
    rounds_ = round;
}

void FurfineEngine::digest(StressDigest& out) const {
    const std::size_t n = prepared_.entity_count;
    const auto& capital = prepared_.cascade.capital;
    out.defaulted.assign(defaulted_.begin(), defaulted_.end());
    sort_entities(out.defaulted, n, bits_);
    // Ascending order: a scan of every entity after a large cascade; after a small one, the
    // shocked and the counterparties of the defaulted, sorted. Both visit every entity with
    // a loss (any other loses nothing).
    scratch_.clear();
    if (pushes_ * 4 > n) {
        for (EntityIndex i = 0; i < n; ++i) {
            if (account_[i].loss != 0) scratch_.push_back(i);
        }
    } else {
        marks_.clear();
        const auto& exposed_to = prepared_.cascade.exposed_to;
        for (EntityIndex j : defaulted_) {
            for (EntityIndex i : exposed_to.columns(j)) marks_.insert(i);
        }
        for (EntityIndex i : shocked_.list()) marks_.insert(i);
        scratch_ = marks_.list();
        sort_entities(scratch_, n, bits_);
    }
    out.losses.clear();
    Dollars total = 0;
    for (EntityIndex i : scratch_) {
        const Dollars lost = std::min(account_[i].loss, capital[i]);
        if (lost > 0) {
            out.losses.emplace_back(i, lost);
            total += lost;
        }
    }
    out.capital_lost = total;
    out.capital_lost_share = total / prepared_.cascade.total_capital;
    out.debtrank.reset();
    out.shortfall.reset();
}

StressResult FurfineEngine::result() const {
    const std::size_t n = prepared_.entity_count;
    const auto& capital = prepared_.cascade.capital;
    StressResult result;
    result.model = Model::furfine;
    result.entities.resize(n);
    Dollars total = 0;
    for (EntityIndex i = 0; i < n; ++i) {
        auto& e = result.entities[i];
        e.entity = i;
        e.loss = account_[i].loss;
        e.capital = capital[i];
        e.capital_lost = std::min(account_[i].loss, capital[i]);
        total += *e.capital_lost;
        e.defaulted = round_[i] >= 0;
        if (e.defaulted) e.round = round_[i];
        e.status = e.defaulted      ? EntityStatus::defaulted
                   : account_[i].loss > 0 ? EntityStatus::distressed
                                  : EntityStatus::solvent;
    }
    // Every default transmits X[i][j] to each entity i exposed to it.
    add_default_causes(result, prepared_.cascade.exposed_to, defaulted_, {});
    result.rounds = rounds_from(result.entities);
    result.summary.defaults = defaulted_.size();
    result.summary.capital_lost = total;
    result.summary.capital_lost_share = total / prepared_.cascade.total_capital;
    result.summary.steps = static_cast<std::size_t>(rounds_);
    return result;
}

}  // namespace crashchain
