#pragma once
// The stress-testing sections of `crashchain report` (issue 4): the scenarios of the article
// under every model, and the Monte Carlo loss distribution with its histogram.

#include <string>

#include "report/full_report.hpp"

namespace crashchain {

/// `## Scenarios`: one comparison table (scenario x model), then each scenario's stages under
/// the first model that ran it. Empty data gives a line saying how to add scenarios.
[[nodiscard]] std::string scenarios_section(const Network& network, const FullReportData& data);

/// `## Monte Carlo`: the loss statistics, the histogram, default probabilities, default sets.
[[nodiscard]] std::string monte_carlo_section(const Network& network,
                                              const MonteCarloSection& section, std::size_t top);

/// One line per scenario for the terminal summary (its outcome under the first model).
[[nodiscard]] std::string scenarios_summary(const FullReportData& data);

}  // namespace crashchain
