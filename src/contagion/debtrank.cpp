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
      state_(prepared.entity_count, State::undistressed) {}

void DebtRankEngine::run(std::span<const Shock> shock) {
    for (EntityIndex i : propagators_) {
        h_[i] = initial_[i] = propagated_[i] = 0;
        first_step_[i] = -1;
        state_[i] = State::undistressed;
    }
    frontier_.clear();
    propagators_.clear();
    // Step 1: h = F; the shocked entities are distressed (D).
    for (const auto& s : shock) {
        if (s.fraction <= 0 || state_[s.entity] != State::undistressed) continue;
        h_[s.entity] = initial_[s.entity] = std::min(1.0, s.fraction);
        state_[s.entity] = State::distressed;
        first_step_[s.entity] = 1;
        frontier_.push_back(s.entity);
    }
    sort_entities(frontier_, prepared_.entity_count, bits_);
    const auto* start = prepared_.cascade.exposed_to.start.data();
    const auto* column = prepared_.cascade.exposed_to.column.data();
    const auto* weight = prepared_.cascade.weight.data();
    std::size_t step = 1;
    const std::size_t n = prepared_.entity_count;
    double* incoming = incoming_.data();
    while (!frontier_.empty()) {
        // Step t+1 from the h of step t: sum the pushes first (a pure scatter, no branches),
        // apply them after (simultaneous update).
        std::uint64_t pushes = 0;
        for (EntityIndex j : frontier_) {
            const double hj = h_[j];
            propagated_[j] = hj;
            state_[j] = State::inactive;
            for (std::uint64_t k = start[j]; k < start[j + 1]; ++k) {
                incoming[column[k]] += weight[k] * hj;
            }
            pushes += start[j + 1] - start[j];
        }
        propagators_.insert(propagators_.end(), frontier_.begin(), frontier_.end());
        ++step;
        next_.clear();
        // A nonzero `incoming` marks an entity reached in this step (a zero push changes
        // nothing). Many pushes: scan every entity, which also lists the next frontier in
        // ascending order; few: revisit the rows just pushed.
        auto apply = [&](EntityIndex i) {
            const double in = incoming[i];
            if (in == 0) return;
            incoming[i] = 0;
            h_[i] = std::min(1.0, h_[i] + in);
            if (state_[i] == State::undistressed && h_[i] > 0) {
                state_[i] = State::distressed;
                first_step_[i] = static_cast<int>(step);
                next_.push_back(i);
            }
        };
        if (pushes * 4 > n) {
            for (EntityIndex i = 0; i < n; ++i) apply(i);
        } else {
            for (EntityIndex j : frontier_) {
                for (std::uint64_t k = start[j]; k < start[j + 1]; ++k) apply(column[k]);
            }
            sort_entities(next_, n, bits_);
        }
        frontier_.swap(next_);
    }
    steps_ = step;
}

void DebtRankEngine::digest(StressDigest& out) const {
    debtrank_digest(prepared_, h_, initial_, propagators_, scratch_, out);
}

StressResult DebtRankEngine::result() const {
    auto result = debtrank_result(Model::debtrank, prepared_, h_, initial_, first_step_,
                                  propagators_, propagated_);
    result.summary.steps = steps_;
    return result;
}

void debtrank_digest(const PreparedNetwork& prepared, std::span<const double> h,
                     std::span<const double> initial, std::span<const EntityIndex> reached,
                     std::vector<EntityIndex>& scratch, StressDigest& out) {
    const auto& capital = prepared.cascade.capital;
    const std::size_t n = prepared.entity_count;
    // Ascending order: a scan of the dense array when most entities were reached, else a sort.
    scratch.clear();
    if (reached.size() * 8 > n) {
        for (EntityIndex i = 0; i < n; ++i) {
            if (h[i] > 0) scratch.push_back(i);
        }
    } else {
        scratch.assign(reached.begin(), reached.end());
        std::sort(scratch.begin(), scratch.end());
    }
    out.defaulted.clear();
    out.losses.clear();
    Dollars lost = 0;
    Dollars induced = 0;
    for (EntityIndex i : scratch) {
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
