#pragma once
// Runs a scenario stage by stage (SPEC 3.4): losses accumulate over the stages, and after each
// stage the model runs from the accumulated losses (scenario_losses.hpp). The last stage's
// crash chain is the scenario's result.

#include <string>
#include <vector>

#include "scenario/scenario.hpp"
#include "scenario/scenario_losses.hpp"
#include "scenario/stress_function.hpp"

namespace crashchain {

struct StageOutcome {
    std::string name;
    ShockLosses added;       ///< what this stage's shocks added
    ShockLosses cumulative;  ///< after this stage
    ShockVector shock;       ///< the model's initial shock from `cumulative`
    StressResult result;     ///< the model run from `shock`
    /// Entities in default after this stage but not after the previous one, ascending.
    std::vector<EntityIndex> new_defaults;
};

struct ScenarioResult {
    std::string name;
    std::string description;
    Model model = Model::furfine;
    std::vector<StageOutcome> stages;
};

/// `model` runs the contagion model chosen in `options` on the network.
[[nodiscard]] ScenarioResult run_scenario(const Network& network, const Scenario& scenario,
                                          const StressOptions& options,
                                          const StressFunction& model);

}  // namespace crashchain
