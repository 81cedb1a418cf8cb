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
      received_(prepared.entity_count + 1),
      becomes_(prepared.entity_count) {}

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
    const std::size_t n = prepared_.entity_count;
    sort_entities(frontier_, n, bits_);
    const auto* start = prepared_.cascade.exposed_to.start.data();
    const auto* column = prepared_.cascade.exposed_to.column.data();
    const auto* weight = prepared_.cascade.weight.data();
    double* incoming = incoming_.data();
    EntityIndex* received = received_.data();
    const std::uint64_t entries = prepared_.cascade.exposed_to.entries();
    const bool prefetch = worth_prefetching<double>(prepared_.entity_count);
    std::size_t step = 1;
    while (!frontier_.empty()) {
        // Step t+1 from the h of step t: sum the pushes first, apply them after (simultaneous
        // update). The frontier goes in ascending order, so every sum adds in a fixed order.
        std::uint64_t pushes = 0;
        for (EntityIndex j : frontier_) pushes += start[j + 1] - start[j];
        // Many pushes: apply by one branch-free pass over every entity (a zero push changes
        // nothing). Few: list the receivers while pushing and apply to them only.
        const bool dense = pushes * 4 > n;
        std::size_t reached = 0;
        const EntityIndex* frontier = frontier_.data();
        const std::size_t count = frontier_.size();
        for (std::size_t r = 0; r < count; ++r) {
            if (prefetch) prefetch_frontier_row(start, column, weight, h_.data(), frontier, r, count);
            const EntityIndex j = frontier[r];
            const double hj = h_[j];
            propagated_[j] = hj;
            state_[j] = State::inactive;
            reached = scatter_row(incoming, column, weight, start[j], start[j + 1], entries,
                                  prefetch, hj, dense, received, reached);
        }
        propagators_.insert(propagators_.end(), frontier_.begin(), frontier_.end());
        ++step;
        // An undistressed entity with a nonzero push becomes distressed (h > 0).
        std::size_t newly = 0;
        if (dense) {
            // Three simple passes over every entity, the first two vectorised by the compiler;
            // a zero push leaves h as it is (h <= 1).
            const State* state = state_.data();
            unsigned char* becomes = becomes_.data();
            double* h = h_.data();
            for (std::size_t i = 0; i < n; ++i) {
                becomes[i] = static_cast<unsigned char>((state[i] == State::undistressed) &
                                                        (incoming[i] > 0));
            }
            for (std::size_t i = 0; i < n; ++i) {
                h[i] = std::min(1.0, h[i] + incoming[i]);
                incoming[i] = 0;
            }
            for (std::size_t i = 0; i < n; ++i) {
                received[newly] = static_cast<EntityIndex>(i);
                newly += becomes[i];
            }
        } else {
            // In place: the newly distressed are written over the receivers already applied.
            for (std::size_t r = 0; r < reached; ++r) {
                const EntityIndex i = received[r];
                const double in = incoming[i];
                h_[i] = std::min(1.0, h_[i] + in);
                incoming[i] = 0;
                received[newly] = i;
                newly += static_cast<std::size_t>((state_[i] == State::undistressed) & (in > 0));
            }
        }
        for (std::size_t k = 0; k < newly; ++k) state_[received[k]] = State::distressed;
        next_.assign(received, received + newly);
        if (!dense) sort_entities(next_, n, bits_);
        for (EntityIndex i : next_) first_step_[i] = static_cast<int>(step);
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
    // Ascending order: every entity when most were reached (an unreached one adds exact zeros
    // to the sums), else the reached ones, sorted.
    const bool all = reached.size() * 8 > n;
    if (!all) {
        scratch.assign(reached.begin(), reached.end());
        std::sort(scratch.begin(), scratch.end());
    }
    const std::size_t count = all ? n : scratch.size();
    // Defaults are written to the next free slot, which counts only for a default: no branch.
    out.defaulted.resize(count + 1);
    std::size_t defaults = 0;
    out.losses.clear();
    Dollars lost = 0;
    Dollars induced = 0;
    for (std::size_t k = 0; k < count; ++k) {
        const EntityIndex i = all ? static_cast<EntityIndex>(k) : scratch[k];
        out.defaulted[defaults] = i;
        defaults += static_cast<std::size_t>(h[i] >= kDebtRankDefault);
        const Dollars loss = h[i] * capital[i];
        if (loss > 0) out.losses.emplace_back(i, loss);
        lost += loss;
        induced += (h[i] - initial[i]) * capital[i];
    }
    out.defaulted.resize(defaults);
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
