#pragma once
// `crashchain reverse` output (SPEC 3.6, 4): the smallest shock or set that reaches the target,
// and the stress result at that point.

#include <string>

#include "contagion/stress.hpp"
#include "report/format.hpp"
#include "scenario/reverse_stress.hpp"

namespace crashchain {

struct ReverseReport {
    const ReverseResult& result;
    ReverseSearch search;
    const ReverseTarget& target;
    const Network& network;
    const StressOptions& options;
    const ShockVector& shock;  ///< the initial shock of the outcome
    std::string source;        ///< network name for titles
};

/// JSON: {search, shock | set, method, reached, target{min_defaults | min_loss_share},
/// evaluations, model, outcome{model, entities, rounds, summary}} (outcome exactly as `stress`).
/// Text/Markdown: the answer, then the stress report of the outcome. CSV: the outcome's rows.
[[nodiscard]] std::string render_reverse(const ReverseReport& report, Format format);

}  // namespace crashchain
