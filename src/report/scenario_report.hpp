#pragma once
// `crashchain scenario` output (SPEC 3.4, 4): each stage as a stress result plus what the stage
// added; the crash chain of every stage in text and Markdown.

#include <string>

#include "contagion/stress.hpp"
#include "report/format.hpp"
#include "scenario/run_scenario.hpp"

namespace crashchain {

struct ScenarioReport {
    const ScenarioResult& result;
    const Network& network;
    const StressOptions& options;
    std::string source;  ///< network name for titles
};

/// JSON: {scenario, description, model, stages[{name, added[{id, loss, default}], added_loss,
/// new_defaults[], entities[..], rounds[..], summary{..}}]} (entities/rounds/summary exactly as
/// `stress`). CSV: one row per stage and entity. Text/Markdown: per stage what it added, the
/// defaults and capital lost so far, and its crash chain.
[[nodiscard]] std::string render_scenario(const ScenarioReport& report, Format format);

}  // namespace crashchain
