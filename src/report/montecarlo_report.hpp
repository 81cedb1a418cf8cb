#pragma once
// `crashchain montecarlo` output (SPEC 3.5, 4): default probabilities with Wilson intervals,
// the loss distribution's mean, VaR and ES, and the most frequent default sets.

#include <string>
#include <vector>

#include "model/network.hpp"
#include "report/format.hpp"
#include "scenario/monte_carlo.hpp"

namespace crashchain {

struct MonteCarloReport {
    const MonteCarloResult& result;
    const Network& network;
    Model model;
    std::string source;          ///< network name for titles
    std::vector<double> sigma;   ///< per entity, as used
};

/// JSON: {model, scenarios, seed, rho, entities[{id, pd, pd_low, pd_high, defaults, sigma}],
/// loss{mean, var95, es95, var99, es99}, top_default_sets[{ids[], frequency, count}]}.
/// Text/Markdown: summary, loss line, entities with pd > 0 by pd, top sets. CSV: every entity.
[[nodiscard]] std::string render_montecarlo(const MonteCarloReport& report, Format format);

/// A share as a percentage with three significant digits: `12.3%`, `0.0412%`, `0%`.
[[nodiscard]] std::string format_percent(double share);

}  // namespace crashchain
