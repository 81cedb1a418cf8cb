#include "contagion/furfine.hpp"

#include <algorithm>

#include "contagion/causes.hpp"

namespace crashchain {

FurfineEngine::FurfineEngine(const PreparedNetwork& prepared)
    : prepared_(prepared),
      loss_(prepared.entity_count, 0),
      round_(prepared.entity_count, -1),
      touched_(prepared.entity_count),
      candidates_(prepared.entity_count) {}

void FurfineEngine::run(std::span<const Shock> shock) {
    for (EntityIndex i : touched_.list()) {
        loss_[i] = 0;
        round_[i] = -1;
    }
    touched_.clear();
    defaulted_.clear();
    frontier_.clear();
    const auto& capital = prepared_.cascade.capital;
    const auto& exposed_to = prepared_.cascade.exposed_to;
    for (const auto& s : shock) {
        if (!touched_.insert(s.entity)) continue;  // an entity listed twice is shocked once
        loss_[s.entity] = s.fraction * capital[s.entity];
        if (s.fraction >= 1) {
            round_[s.entity] = 0;
            frontier_.push_back(s.entity);
        }
    }
    sort_entities(frontier_, prepared_.entity_count, bits_);
    defaulted_ = frontier_;
    int round = 0;
    while (!frontier_.empty()) {
        ++round;
        // Losses accumulate from every default of earlier rounds: adding the last round's
        // defaults to the running totals gives exactly that sum.
        for (EntityIndex j : frontier_) {
            const auto exposed = exposed_to.columns(j);
            const auto amount = exposed_to.values(j);
            for (std::size_t k = 0; k < exposed.size(); ++k) {
                const EntityIndex i = exposed[k];
                touched_.insert(i);
                loss_[i] += amount[k];
                if (round_[i] < 0) candidates_.insert(i);
            }
        }
        next_.clear();
        for (EntityIndex i : candidates_.list()) {
            // SPEC 6: C = 0 defaults on any positive loss, not on a zero one.
            if (round_[i] < 0 && loss_[i] > 0 && loss_[i] >= capital[i]) {
                round_[i] = round;
                next_.push_back(i);
            }
        }
        candidates_.clear();
        sort_entities(next_, prepared_.entity_count, bits_);
        defaulted_.insert(defaulted_.end(), next_.begin(), next_.end());
        frontier_.swap(next_);
    }
    rounds_ = round;
}

void FurfineEngine::digest(StressDigest& out) const {
    out.defaulted.assign(defaulted_.begin(), defaulted_.end());
    std::sort(out.defaulted.begin(), out.defaulted.end());
    out.losses.clear();
    // Ascending order: a scan of the dense array when most entities were reached, else a sort.
    scratch_.clear();
    if (touched_.list().size() * 8 > prepared_.entity_count) {
        for (EntityIndex i = 0; i < prepared_.entity_count; ++i) {
            if (touched_.contains(i)) scratch_.push_back(i);
        }
    } else {
        scratch_ = touched_.list();
        std::sort(scratch_.begin(), scratch_.end());
    }
    Dollars total = 0;
    for (EntityIndex i : scratch_) {
        const Dollars lost = std::min(loss_[i], prepared_.cascade.capital[i]);
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
        e.loss = loss_[i];
        e.capital = capital[i];
        e.capital_lost = std::min(loss_[i], capital[i]);
        total += *e.capital_lost;
        e.defaulted = round_[i] >= 0;
        if (e.defaulted) e.round = round_[i];
        e.status = e.defaulted      ? EntityStatus::defaulted
                   : loss_[i] > 0 ? EntityStatus::distressed
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
