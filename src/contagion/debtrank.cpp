#include "contagion/debtrank.hpp"

#include <algorithm>

#include "contagion/causes.hpp"

namespace crashchain {

DebtRankEngine::DebtRankEngine(const PreparedNetwork& prepared)
    : prepared_(prepared),
      h_(prepared.entity_count, 0),
      initial_(prepared.entity_count, 0),
      propagated_(prepared.entity_count, 0),
      incoming_(prepared.entity_count, 0),
      first_step_(prepared.entity_count, -1),
      state_(prepared.entity_count, State::undistressed),
      touched_(prepared.entity_count),
      received_(prepared.entity_count) {}

void DebtRankEngine::run(std::span<const Shock> shock) {
    for (EntityIndex i : touched_.list()) {
        h_[i] = initial_[i] = propagated_[i] = 0;
        first_step_[i] = -1;
        state_[i] = State::undistressed;
    }
    touched_.clear();
    frontier_.clear();
    propagators_.clear();
    // Step 1: h = F; the shocked entities are distressed (D).
    for (const auto& s : shock) {
        if (s.fraction <= 0) continue;
        touched_.insert(s.entity);
        h_[s.entity] = initial_[s.entity] = std::min(1.0, s.fraction);
        state_[s.entity] = State::distressed;
        first_step_[s.entity] = 1;
        frontier_.push_back(s.entity);
    }
    std::sort(frontier_.begin(), frontier_.end());
    const auto& rows = prepared_.cascade.exposed_to;
    const auto& weight = prepared_.cascade.weight;
    std::size_t step = 1;
    while (!frontier_.empty()) {
        // Step t+1 from the h of step t: sum the pushes first, apply them after (simultaneous).
        for (EntityIndex j : frontier_) {
            const double hj = h_[j];
            propagated_[j] = hj;
            for (std::uint64_t k = rows.start[j]; k < rows.start[j + 1]; ++k) {
                const EntityIndex i = rows.column[k];
                received_.insert(i);
                incoming_[i] += weight[k] * hj;
            }
            state_[j] = State::inactive;
        }
        propagators_.insert(propagators_.end(), frontier_.begin(), frontier_.end());
        ++step;
        next_.clear();
        for (EntityIndex i : received_.list()) {
            touched_.insert(i);
            h_[i] = std::min(1.0, h_[i] + incoming_[i]);
            incoming_[i] = 0;
            if (state_[i] == State::undistressed && h_[i] > 0) {
                state_[i] = State::distressed;
                first_step_[i] = static_cast<int>(step);
                next_.push_back(i);
            }
        }
        received_.clear();
        std::sort(next_.begin(), next_.end());
        frontier_.swap(next_);
    }
    steps_ = step;
}

void DebtRankEngine::digest(StressDigest& out) const {
    debtrank_digest(prepared_, h_, initial_, touched_.list(), out);
}

StressResult DebtRankEngine::result() const {
    auto result = debtrank_result(Model::debtrank, prepared_, h_, initial_, first_step_,
                                  propagators_, propagated_);
    result.summary.steps = steps_;
    return result;
}

void debtrank_digest(const PreparedNetwork& prepared, std::span<const double> h,
                     std::span<const double> initial, std::vector<EntityIndex> touched,
                     StressDigest& out) {
    const auto& capital = prepared.cascade.capital;
    std::sort(touched.begin(), touched.end());
    out.defaulted.clear();
    out.losses.clear();
    Dollars lost = 0;
    Dollars induced = 0;
    for (EntityIndex i : touched) {
        if (h[i] >= kDebtRankDefault) out.defaulted.push_back(i);
        const Dollars loss = h[i] * capital[i];
        if (loss > 0) out.losses.emplace_back(i, loss);
        lost += loss;
        induced += (h[i] - initial[i]) * capital[i];
    }
    out.capital_lost = lost;
    out.capital_lost_share = lost / prepared.cascade.total_capital;
    out.debtrank = induced / prepared.cascade.total_capital;
    out.shortfall.reset();
}

StressResult debtrank_result(Model model, const PreparedNetwork& prepared,
                             std::span<const double> h, std::span<const double> initial,
                             std::span<const int> first_step,
                             std::span<const EntityIndex> sources, std::span<const double> scale) {
    const auto& capital = prepared.cascade.capital;
    StressResult result;
    result.model = model;
    result.entities.resize(prepared.entity_count);
    Dollars lost = 0;
    Dollars induced = 0;
    std::size_t defaults = 0;
    for (EntityIndex i = 0; i < prepared.entity_count; ++i) {
        auto& e = result.entities[i];
        e.entity = i;
        e.h = h[i];
        e.capital = capital[i];
        e.capital_lost = h[i] * capital[i];
        lost += *e.capital_lost;
        // debtrank = sum nu_i h_i(final) - sum nu_i h_i(1), summed per entity (no cancellation).
        induced += (h[i] - initial[i]) * capital[i];
        if (first_step[i] >= 1) e.round = first_step[i] - 1;
        e.defaulted = h[i] >= kDebtRankDefault;
        defaults += e.defaulted ? 1 : 0;
        e.status = e.defaulted ? EntityStatus::defaulted
                   : h[i] > 0  ? EntityStatus::distressed
                               : EntityStatus::solvent;
    }
    add_default_causes(result, prepared.cascade.exposed_to, sources, scale);
    result.rounds = rounds_from(result.entities);
    result.summary.defaults = defaults;
    result.summary.capital_lost = lost;
    result.summary.capital_lost_share = lost / prepared.cascade.total_capital;
    result.summary.debtrank = induced / prepared.cascade.total_capital;
    return result;
}

}  // namespace crashchain
