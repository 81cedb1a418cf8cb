#pragma once
// The prepared contagion models (contagion/stress.hpp) in the shapes the searches take:
// full results for scenario stages and final outcomes, summary-only results from the fast path
// for the many runs of reverse stress, and one runner per worker for Monte Carlo.
// The PreparedNetwork must outlive the functions returned.

#include "contagion/stress.hpp"
#include "scenario/monte_carlo.hpp"
#include "scenario/stress_function.hpp"

namespace crashchain {

/// Every entity, rounds, causes and summary. One runner: call from one thread at a time.
[[nodiscard]] StressFunction full_model(const PreparedNetwork& prepared);

/// Only the summary (defaults, capital_lost, capital_lost_share, debtrank, shortfall) from the
/// fast path. One runner: call from one thread at a time.
[[nodiscard]] StressFunction summary_model(const PreparedNetwork& prepared);

/// Monte Carlo: each call makes a model with its own runner and buffers.
[[nodiscard]] ScenarioModelFactory monte_carlo_model(const PreparedNetwork& prepared);

}  // namespace crashchain
