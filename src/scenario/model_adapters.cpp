#include "scenario/model_adapters.hpp"

#include <memory>

namespace crashchain {
namespace {

// Dense -> sparse into a reused buffer (the runners take the shocked entities only).
void to_sparse(const ShockVector& dense, std::vector<Shock>& sparse) {
    sparse.clear();
    for (std::size_t i = 0; i < dense.size(); ++i) {
        if (dense[i] > 0) sparse.push_back({static_cast<EntityIndex>(i), dense[i]});
    }
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
        to_sparse(shock, state->sparse);
        return state->runner.run_full(state->sparse);
    };
}

StressFunction summary_model(const PreparedNetwork& prepared) {
    auto state = std::make_shared<RunnerState>(prepared);
    const Model model = prepared.options.model;
    return [state, model](const ShockVector& shock) {
        to_sparse(shock, state->sparse);
        const StressDigest& digest = state->runner.run(state->sparse);
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
    return [&prepared]() -> ScenarioModel {
        auto state = std::make_shared<RunnerState>(prepared);
        return [state](const ShockVector& shock, ScenarioOutcome& outcome) {
            to_sparse(shock, state->sparse);
            const StressDigest& digest = state->runner.run(state->sparse);
            outcome.defaults = digest.defaulted;
            outcome.capital_lost_share = digest.capital_lost_share;
        };
    };
}

}  // namespace crashchain
