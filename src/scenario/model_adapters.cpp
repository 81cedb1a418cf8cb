#include "scenario/model_adapters.hpp"

#include <memory>
#include <span>

#include "contagion/furfine_outcome.hpp"

namespace crashchain {
namespace {

// Dense -> sparse into a reused buffer (the runners take the shocked entities only). Every
// entry is written to the next free slot, which counts only when shocked: no branch, as half
// the entities of a Monte Carlo scenario are shocked in no predictable pattern.
std::span<const Shock> to_sparse(const ShockVector& dense, std::vector<Shock>& sparse) {
    sparse.resize(dense.size() + 1);
    std::size_t count = 0;
    for (std::size_t i = 0; i < dense.size(); ++i) {
        sparse[count] = {static_cast<EntityIndex>(i), dense[i]};
        count += static_cast<std::size_t>(dense[i] > 0);
    }
    return {sparse.data(), count};
}

struct RunnerState {
    explicit RunnerState(const PreparedNetwork& prepared) : runner(prepared) {}
    StressRunner runner;
    std::vector<Shock> sparse;
};

}  // namespace

StressFunction full_model(const PreparedNetwork& prepared) {
    auto state = std::make_shared<RunnerState>(prepared);
    return [state](const ShockVector& shock) {
        return state->runner.run_full(to_sparse(shock, state->sparse));
    };
}

StressFunction summary_model(const PreparedNetwork& prepared) {
    auto state = std::make_shared<RunnerState>(prepared);
    const Model model = prepared.options.model;
    return [state, model](const ShockVector& shock) {
        const StressDigest& digest = state->runner.run(to_sparse(shock, state->sparse));
        StressResult result;
        result.model = model;
        result.summary.defaults = digest.defaulted.size();
        result.summary.capital_lost = digest.capital_lost;
        result.summary.capital_lost_share = digest.capital_lost_share;
        result.summary.debtrank = digest.debtrank;
        result.summary.shortfall = digest.shortfall;
        return result;
    };
}

ScenarioModelFactory monte_carlo_model(const PreparedNetwork& prepared) {
    if (prepared.options.model == Model::furfine) {
        // Only the defaults and capital_lost_share, equal to the runner's digest.
        return [&prepared]() -> ScenarioModel {
            auto engine = std::make_shared<FurfineOutcome>(prepared);
            return [engine](const ShockVector& shock, ScenarioOutcome& outcome) {
                engine->run(shock, outcome.defaults, outcome.capital_lost_share);
            };
        };
    }
    return [&prepared]() -> ScenarioModel {
        auto state = std::make_shared<RunnerState>(prepared);
        return [state](const ShockVector& shock, ScenarioOutcome& outcome) {
            const StressDigest& digest = state->runner.run(to_sparse(shock, state->sparse));
            outcome.defaults = digest.defaulted;
            outcome.capital_lost_share = digest.capital_lost_share;
        };
    };
}

}  // namespace crashchain
