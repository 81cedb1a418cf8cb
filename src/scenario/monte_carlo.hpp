#pragma once
// Monte Carlo stress (SPEC 3.5): a one-factor Gaussian shock model in the style of Vasicek
// (1987) and the Basel IRB formula, pushed through a contagion model. Scenario k draws a common
// factor M and idiosyncratic eps_i from a stream that depends only on (seed, k), sets
// Z_i = sqrt(rho) M + sqrt(1 - rho) eps_i and shocks entity i with F_i = clamp(-scale_i Z_i, 0, 1).
// Results are identical for every thread count: per-scenario draws are counter-based, and every
// reduction is either an integer count or done in scenario order after the parallel part.

#include <cstdint>
#include <functional>
#include <vector>

#include "contagion/stress.hpp"
#include "scenario/statistics.hpp"

namespace crashchain {

struct MonteCarloOptions {
    std::size_t scenarios = 10000;
    std::uint64_t seed = 1;
    double rho = 0.3;          ///< factor loading, in [0, 1]
    unsigned threads = 1;      ///< >= 1; results do not depend on it
    std::size_t top_sets = 10; ///< how many default sets to report
};

/// What Monte Carlo needs from one run of the model.
struct ScenarioOutcome {
    std::vector<EntityIndex> defaults;  ///< ascending entity indices
    double capital_lost_share = 0;
};

/// Runs the model for one shock vector and fills the outcome. Each worker thread gets its own
/// (from a ScenarioModelFactory), so a model may keep reusable buffers.
using ScenarioModel = std::function<void(const ShockVector&, ScenarioOutcome&)>;
/// Called once per worker thread, from that thread.
using ScenarioModelFactory = std::function<ScenarioModel()>;
/// Reports progress; called from one thread only (the caller's).
using ProgressCallback = std::function<void(std::size_t done, std::size_t total)>;

/// The shock of scenario k: F_i = clamp(-scale[i] Z_i, 0, 1) (scale = sigma lev for the cascade
/// models, sigma for clearing, whose shock is a share of external assets). M is the stream's
/// first normal, eps_i its (i+2)-th.
void draw_shocks(std::uint64_t seed, std::uint64_t scenario, double rho,
                 const std::vector<double>& scale, ShockVector& shock);

struct EntityDefaultRate {
    EntityIndex entity = kNoEntity;
    std::size_t defaults = 0;  ///< scenarios in which it defaulted
    double pd = 0;             ///< defaults / scenarios
    Interval interval;         ///< 95% Wilson interval
};

/// capital_lost_share over the scenarios.
struct LossStatistics {
    double mean = 0;
    TailRisk level95;
    TailRisk level99;
};

struct DefaultSet {
    std::vector<EntityIndex> entities;  ///< ascending indices
    std::size_t count = 0;
    double frequency = 0;  ///< count / scenarios
};

struct MonteCarloResult {
    std::size_t scenarios = 0;
    std::uint64_t seed = 0;
    double rho = 0;
    std::vector<EntityDefaultRate> entities;  ///< one per entity, network order
    LossStatistics loss;
    /// Non-empty default sets, most frequent first; equal counts: the one seen first (lowest
    /// scenario number) first, which does not depend on the thread count.
    std::vector<DefaultSet> top_default_sets;
    std::size_t scenarios_without_default = 0;
    std::vector<double> losses;  ///< capital_lost_share per scenario, in scenario order
};

/// Runs `options.scenarios` scenarios. `scale` has one entry per entity.
[[nodiscard]] MonteCarloResult run_monte_carlo(const std::vector<double>& scale,
                                               const MonteCarloOptions& options,
                                               const ScenarioModelFactory& make_model,
                                               const ProgressCallback& progress = {});

}  // namespace crashchain
