#include "scenario/monte_carlo.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <map>
#include <thread>
#include <stdexcept>

#include "scenario/random_stream.hpp"

namespace crashchain {
namespace {

// A model without contagion: i defaults when its shock reaches 1; the loss share is the mean
// shock. Then P(default_i) = P(-scale_i Z_i >= 1) = Phi(-1 / scale_i).
void threshold(const ShockVector& shock, ScenarioOutcome& outcome) {
    double sum = 0;
    for (std::size_t i = 0; i < shock.size(); ++i) {
        sum += shock[i];
        if (shock[i] >= 1.0) outcome.defaults.push_back(static_cast<EntityIndex>(i));
    }
    outcome.capital_lost_share = sum / static_cast<double>(shock.size());
}
ScenarioModel threshold_model() { return threshold; }

MonteCarloOptions options_with(std::size_t scenarios, unsigned threads) {
    MonteCarloOptions options;
    options.scenarios = scenarios;
    options.seed = 20251124;
    options.threads = threads;
    return options;
}

TEST(DrawShocks, ClampedAndDeterministic) {
    const std::vector<double> scale{0.5, 2.0, 0.0};
    ShockVector a;
    ShockVector b;
    draw_shocks(9, 3, 0.3, scale, a);
    draw_shocks(9, 3, 0.3, scale, b);
    EXPECT_EQ(a, b);
    ASSERT_EQ(a.size(), 3u);
    for (const double f : a) {
        EXPECT_GE(f, 0.0);
        EXPECT_LE(f, 1.0);
    }
    EXPECT_EQ(a[2], 0.0);  // scale 0: never shocked
}

TEST(DrawShocks, FactorAndIdiosyncraticDrawsComeFromTheScenarioStream) {
    // rho = 1: Z_i = M (the stream's first normal) for every entity.
    ScenarioStream stream(5, 11);
    const double m = stream.normal();
    ShockVector shock;
    draw_shocks(5, 11, 1.0, {0.1, 0.1}, shock);
    EXPECT_DOUBLE_EQ(shock[0], std::clamp(-0.1 * m, 0.0, 1.0));
    EXPECT_EQ(shock[0], shock[1]);
    // rho = 0: Z_i = eps_i, the (i+2)-th normal.
    ScenarioStream again(5, 11);
    (void)again.normal();
    const double eps0 = again.normal();
    const double eps1 = again.normal();
    draw_shocks(5, 11, 0.0, {1.0, 1.0}, shock);
    EXPECT_DOUBLE_EQ(shock[0], std::clamp(-eps0, 0.0, 1.0));
    EXPECT_DOUBLE_EQ(shock[1], std::clamp(-eps1, 0.0, 1.0));
}

TEST(DrawShocks, EveryEntityGetsTheClampedFactorModelShock) {
    // SPEC 3.5 term by term from the scenario's stream: M first, then eps_i in entity order.
    // Seven entities: draw_shocks turns them into shocks two at a time, then the odd one.
    for (const double rho : {0.0, 0.3, 0.9, 1.0}) {
        const std::vector<double> scale{0.05, 0.5, 3.0, 40.0, 0.0, 1.0, 2.0};
        ShockVector fast;
        for (std::uint64_t k = 0; k < 3000; ++k) {
            draw_shocks(77, k, rho, scale, fast);
            ScenarioStream stream(77, k);
            const double m = stream.normal();
            for (std::size_t i = 0; i < scale.size(); ++i) {
                const double z = std::sqrt(rho) * m + std::sqrt(1.0 - rho) * stream.normal();
                ASSERT_EQ(fast[i], std::clamp(-scale[i] * z, 0.0, 1.0)) << rho << " " << k;
            }
        }
    }
}

TEST(MonteCarlo, IdenticalForEveryThreadCount) {
    const std::vector<double> scale{0.3, 0.5, 0.8, 1.2, 0.4, 0.6, 0.9};
    const MonteCarloResult one = run_monte_carlo(scale, options_with(5000, 1), threshold_model);
    for (const unsigned threads : {2U, 3U, 8U}) {
        const MonteCarloResult many =
            run_monte_carlo(scale, options_with(5000, threads), threshold_model);
        EXPECT_EQ(many.losses, one.losses);
        EXPECT_EQ(many.loss.mean, one.loss.mean);
        EXPECT_EQ(many.loss.level99.es, one.loss.level99.es);
        ASSERT_EQ(many.entities.size(), one.entities.size());
        for (std::size_t i = 0; i < scale.size(); ++i) {
            EXPECT_EQ(many.entities[i].defaults, one.entities[i].defaults);
        }
        ASSERT_EQ(many.top_default_sets.size(), one.top_default_sets.size());
        for (std::size_t s = 0; s < one.top_default_sets.size(); ++s) {
            EXPECT_EQ(many.top_default_sets[s].entities, one.top_default_sets[s].entities);
            EXPECT_EQ(many.top_default_sets[s].count, one.top_default_sets[s].count);
        }
    }
}

TEST(MonteCarlo, DefaultRatesMatchPhiWithinTheir99PercentInterval) {
    const std::vector<double> scale{0.4, 0.6, 1.0, 2.0};
    const MonteCarloResult result = run_monte_carlo(scale, options_with(40000, 2), threshold_model);
    for (std::size_t i = 0; i < scale.size(); ++i) {
        const double expected = normal_cdf(-1.0 / scale[i]);  // 0.0062, 0.0478, 0.1587, 0.3085
        const Interval i99 = wilson_interval(result.entities[i].defaults, result.scenarios, 2.5758);
        EXPECT_LE(i99.low, expected) << i;
        EXPECT_GE(i99.high, expected) << i;
        EXPECT_LE(result.entities[i].interval.low, result.entities[i].pd);
        EXPECT_GE(result.entities[i].interval.high, result.entities[i].pd);
    }
}

TEST(MonteCarlo, TopSetsAndCountsAgreeWithASequentialRecount) {
    const std::vector<double> scale{0.5, 0.7, 0.9, 1.1};
    MonteCarloOptions options = options_with(3000, 3);
    options.top_sets = 5;
    const MonteCarloResult result = run_monte_carlo(scale, options, threshold_model);
    std::map<std::vector<EntityIndex>, std::size_t> sets;
    std::size_t empty = 0;
    double sum = 0;
    for (std::uint64_t k = 0; k < options.scenarios; ++k) {
        ShockVector shock;
        draw_shocks(options.seed, k, options.rho, scale, shock);
        ScenarioOutcome outcome;
        threshold(shock, outcome);
        sum += outcome.capital_lost_share;
        EXPECT_EQ(result.losses[k], outcome.capital_lost_share);
        if (outcome.defaults.empty()) ++empty; else ++sets[outcome.defaults];
    }
    EXPECT_EQ(result.scenarios_without_default, empty);
    EXPECT_NEAR(result.loss.mean, sum / 3000, 1e-15);
    ASSERT_EQ(result.top_default_sets.size(), 5u);
    std::size_t previous = SIZE_MAX;
    for (const auto& set : result.top_default_sets) {
        EXPECT_EQ(set.count, sets.at(set.entities));
        EXPECT_DOUBLE_EQ(set.frequency, set.count / 3000.0);
        EXPECT_LE(set.count, previous);
        previous = set.count;
    }
    // The most frequent set really is the most frequent.
    std::size_t best = 0;
    for (const auto& [set, count] : sets) best = std::max(best, count);
    EXPECT_EQ(result.top_default_sets.front().count, best);
}

TEST(MonteCarlo, FullCorrelationMeansAllOrNothing) {
    // rho = 1 and equal scales: every entity sees the same Z, so either all default or none.
    MonteCarloOptions options = options_with(2000, 2);
    options.rho = 1.0;
    const MonteCarloResult result = run_monte_carlo({0.8, 0.8, 0.8}, options, threshold_model);
    ASSERT_EQ(result.top_default_sets.size(), 1u);
    EXPECT_EQ(result.top_default_sets[0].entities, (std::vector<EntityIndex>{0, 1, 2}));
    EXPECT_EQ(result.top_default_sets[0].count + result.scenarios_without_default, 2000u);
}

TEST(MonteCarlo, ModelFailuresPropagateAndProgressEnds) {
    const ScenarioModelFactory failing = [] {
        return [](const ShockVector&, ScenarioOutcome&) { throw std::runtime_error("model broke"); };
    };
    EXPECT_THROW((void)run_monte_carlo({0.5}, options_with(500, 2), failing), std::runtime_error);

    std::vector<std::size_t> seen;
    const MonteCarloResult result =
        run_monte_carlo({0.5}, options_with(1000, 2), threshold_model,
                        [&](std::size_t done, std::size_t total) {
                            EXPECT_EQ(total, 1000u);
                            seen.push_back(done);
                        });
    ASSERT_FALSE(seen.empty());
    EXPECT_EQ(seen.back(), 1000u);
    for (std::size_t i = 1; i < seen.size(); ++i) EXPECT_GE(seen[i], seen[i - 1]);
    EXPECT_EQ(result.scenarios, 1000u);
}

TEST(MonteCarlo, EachWorkerUsesItsOwnModelOnItsOwnThread) {
    std::atomic<int> made{0};
    std::atomic<int> foreign_calls{0};
    const ScenarioModelFactory factory = [&] {
        ++made;
        return [&, owner = std::this_thread::get_id()](const ShockVector& shock,
                                                       ScenarioOutcome& outcome) {
            if (std::this_thread::get_id() != owner) ++foreign_calls;
            threshold(shock, outcome);
        };
    };
    (void)run_monte_carlo({0.5, 0.9}, options_with(4000, 3), factory);
    EXPECT_EQ(foreign_calls.load(), 0);
    EXPECT_GE(made.load(), 3);  // one per worker, plus one to recover the top sets
    EXPECT_LE(made.load(), 4);
}

}  // namespace
}  // namespace crashchain
