// Monte Carlo with the real models: thread-count independence on a generated network, and
// default frequencies without contracts against the closed form Phi(-1 / (sigma lev)).
#include <gtest/gtest.h>

#include "contagion/stress.hpp"
#include "scenario/model_adapters.hpp"
#include "scenario/monte_carlo.hpp"
#include "scenario/random_stream.hpp"
#include "scenario/shock_model.hpp"
#include "synth/generator.hpp"

namespace crashchain {
namespace {

TEST(MonteCarloProperty, SameResultForEveryThreadCountWithEachModel) {
    GeneratorOptions g;
    g.entities = 150;
    g.contracts = 1200;
    g.seed = 11;
    const Network network = generate_network(g);
    for (const Model model : {Model::furfine, Model::debtrank, Model::linear_debtrank,
                              Model::clearing}) {
        StressOptions options;
        options.model = model;
        const PreparedNetwork prepared = prepare(network, options);
        const auto scale = monte_carlo_scale(network, entity_sigmas(network, {}), model);
        MonteCarloOptions mc;
        mc.scenarios = 700;
        mc.seed = 99;
        mc.threads = 1;
        const MonteCarloResult one = run_monte_carlo(scale, mc, monte_carlo_model(prepared));
        mc.threads = 3;
        const MonteCarloResult three = run_monte_carlo(scale, mc, monte_carlo_model(prepared));
        EXPECT_EQ(one.losses, three.losses) << to_string(model);
        ASSERT_EQ(one.top_default_sets.size(), three.top_default_sets.size());
        for (std::size_t s = 0; s < one.top_default_sets.size(); ++s) {
            EXPECT_EQ(one.top_default_sets[s].entities, three.top_default_sets[s].entities);
        }
        for (std::size_t i = 0; i < network.entity_count(); ++i) {
            ASSERT_EQ(one.entities[i].defaults, three.entities[i].defaults);
        }
    }
}

// Entities without contracts: no contagion, so i defaults exactly when its own draw does,
// with probability Phi(-1 / (sigma_i lev_i)) (SPEC 3.5), for Furfine and for clearing.
TEST(MonteCarloProperty, DefaultFrequenciesWithoutContractsMatchTheClosedForm) {
    Network network;
    // (type, capital, assets): lev = assets / capital.
    const struct { const char* type; double capital, assets; } spec[] = {
        {"lab", 20, 30},        // sigma 0.35, lev 1.5: Phi(-1.905) = 2.84%
        {"neocloud", 4, 36},    // sigma 0.08, lev 9:   Phi(-1.389) = 8.24%
        {"cloud", 25, 200},     // sigma 0.05, lev 8:   Phi(-2.5)   = 0.62%
        {"bank", 10, 120},      // sigma 0.03, lev 12:  Phi(-2.778) = 0.27%
        {"chipmaker", 50, 50},  // sigma 0.20, lev 1:   Phi(-5)     = 2.9e-7
    };
    for (const auto& s : spec) {
        Entity e;
        e.id = s.type;
        e.type = s.type;
        e.capital = s.capital;
        e.assets = s.assets;
        e.liabilities = s.assets - s.capital;
        network.add_entity(std::move(e));
    }
    const std::vector<double> sigma = entity_sigmas(network, {});
    for (const Model model : {Model::furfine, Model::clearing}) {
        StressOptions options;
        options.model = model;
        const PreparedNetwork prepared = prepare(network, options);
        MonteCarloOptions mc;
        // 300,000 scenarios: the 99% interval is +-0.13 percentage points at pd = 8%, so this
        // also resolves a bias of that size. (With 60,000 the first 60,000 scenarios of seed
        // 2025 put the neocloud entity 3.5 sd above Phi; its next 240,000, and 1e6 scenarios of
        // each of 4 seeds, are within 1.2 sd: chance, not a bias of the generator.)
        mc.scenarios = 300000;
        mc.seed = 2025;
        mc.threads = 2;
        const MonteCarloResult result = run_monte_carlo(
            monte_carlo_scale(network, sigma, model), mc, monte_carlo_model(prepared));
        for (EntityIndex i = 0; i < network.entity_count(); ++i) {
            const double expected = normal_cdf(-1.0 / (sigma[i] * leverage(network.entity(i))));
            const Interval i99 = wilson_interval(result.entities[i].defaults, mc.scenarios, 2.5758);
            EXPECT_LE(i99.low, expected) << to_string(model) << " " << network.id(i);
            EXPECT_GE(i99.high, expected) << to_string(model) << " " << network.id(i);
        }
    }
}

}  // namespace
}  // namespace crashchain
