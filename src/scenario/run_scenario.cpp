#include "scenario/run_scenario.hpp"

#include <cmath>
#include <numeric>

#include "core/error.hpp"

namespace crashchain {

ScenarioResult run_scenario(const Network& network, const Scenario& scenario,
                            const StressOptions& options, const StressFunction& model) {
    ScenarioResult result;
    result.name = scenario.name;
    result.description = scenario.description;
    result.model = options.model;
    ShockLosses cumulative(network.entity_count());
    std::vector<bool> defaulted_before(network.entity_count(), false);
    for (const ScenarioStage& stage : scenario.stages) {
        StageOutcome outcome;
        outcome.name = stage.name;
        outcome.added = stage_losses(network, stage, options);
        cumulative += outcome.added;
        // Losses are non-negative, so a finite total bounds every sum a report prints.
        const Dollars total =
            std::accumulate(cumulative.loss.begin(), cumulative.loss.end(), Dollars{0});
        if (!std::isfinite(total)) {
            throw InputError("scenario " + scenario.name + ", stage \"" + stage.name +
                             "\": the shocks' losses so far add up to more than 1.8e308 dollars");
        }
        outcome.cumulative = cumulative;
        outcome.shock = shock_from_losses(network, cumulative, options.model);
        outcome.result = model(outcome.shock);
        for (const EntityOutcome& e : outcome.result.entities) {
            if (e.defaulted && !defaulted_before[e.entity]) outcome.new_defaults.push_back(e.entity);
        }
        for (const EntityOutcome& e : outcome.result.entities) {
            defaulted_before[e.entity] = e.defaulted;
        }
        result.stages.push_back(std::move(outcome));
    }
    return result;
}

}  // namespace crashchain
