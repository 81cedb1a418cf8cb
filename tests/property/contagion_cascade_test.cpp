// Furfine and DebtRank (SPEC 3.1, 3.2, 3.2b) on generated networks: monotonicity in the shock,
// bounds on h, and cross-checks against dense step-by-step references written from the SPEC.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "contagion/stress.hpp"
#include "property/contagion_reference.hpp"
#include "synth/generator.hpp"

namespace crashchain {
namespace {

StressOptions with(Model model) {
    StressOptions o;
    o.model = model;
    return o;
}

Network generated(std::size_t entities, std::size_t contracts, std::uint64_t seed) {
    GeneratorOptions g;
    g.entities = entities;
    g.contracts = contracts;
    g.seed = seed;
    return generate_network(g);
}

std::vector<double> capital_of(const Network& net) {
    std::vector<double> c;
    for (const auto& e : net.entities()) c.push_back(*e.effective_capital());
    return c;
}

std::set<EntityIndex> defaulted(const StressResult& r) {
    std::set<EntityIndex> out;
    for (const auto& e : r.entities) {
        if (e.defaulted) out.insert(e.entity);
    }
    return out;
}

TEST(CascadeProperty, FurfineDefaultsGrowWithTheInitialDefaults) {
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
        const Network net = generated(80, 500, seed);
        const PreparedNetwork prepared = prepare(net, with(Model::furfine));
        SplitMix64 rng{seed};
        ShockVector shock(net.entity_count(), 0);
        std::set<EntityIndex> before;
        for (int grow = 0; grow < 6; ++grow) {
            shock[rng.next() % net.entity_count()] = 1.0;  // one more initial default
            const StressResult r = run_stress(prepared, shock);
            const auto now = defaulted(r);
            EXPECT_TRUE(std::includes(now.begin(), now.end(), before.begin(), before.end()));
            for (std::size_t i = 0; i < shock.size(); ++i) {
                if (shock[i] == 1.0) {
                    EXPECT_EQ(r.entities[i].round, 0);
                }
            }
            before = now;
        }
    }
}

TEST(CascadeProperty, LossesNeverFallAsTheShockGrows) {
    for (Model model : {Model::furfine, Model::debtrank, Model::linear_debtrank}) {
        SCOPED_TRACE(std::string(to_string(model)));
        for (std::uint64_t seed = 1; seed <= 6; ++seed) {
            const Network net = generated(60, 400, seed + 50);
            const PreparedNetwork prepared = prepare(net, with(model));
            SplitMix64 rng{seed};
            ShockVector base(net.entity_count(), 0);
            for (int k = 0; k < 5; ++k) base[rng.next() % base.size()] = rng.uniform();
            double previous_lost = -1;
            std::vector<double> previous_h;
            for (double scale : {0.1, 0.3, 0.6, 1.0}) {
                ShockVector shock(base.size());
                for (std::size_t i = 0; i < base.size(); ++i) shock[i] = base[i] * scale;
                const StressResult r = run_stress(prepared, shock);
                EXPECT_GE(*r.summary.capital_lost, previous_lost * (1 - 1e-12));
                previous_lost = *r.summary.capital_lost;
                if (model != Model::furfine) {
                    // Same shocked set, larger fractions: every h at least as large.
                    for (std::size_t i = 0; i < r.entities.size(); ++i) {
                        const double h = *r.entities[i].h;
                        EXPECT_GE(h, 0);
                        EXPECT_LE(h, 1);
                        if (!previous_h.empty()) {
                            EXPECT_GE(h, previous_h[i] - 1e-12);
                        }
                    }
                    previous_h.clear();
                    for (const auto& e : r.entities) previous_h.push_back(*e.h);
                }
            }
        }
    }
}

TEST(CascadeProperty, DebtRankMatchesTheStepByStepReference) {
    for (std::uint64_t seed = 1; seed <= 8; ++seed) {
        const Network net = generated(40, 240, seed + 200);
        const auto x = reference::exposures(net);
        const auto capital = capital_of(net);
        SplitMix64 rng{seed};
        ShockVector shock(net.entity_count(), 0);
        for (int k = 0; k < 3; ++k) shock[rng.next() % shock.size()] = rng.uniform();
        std::vector<std::vector<double>> history;
        const auto expected = reference::debtrank(x, capital, shock, &history);
        // h never decreases from one step to the next, and stays in [0, 1].
        for (std::size_t t = 1; t < history.size(); ++t) {
            for (std::size_t i = 0; i < expected.size(); ++i) {
                EXPECT_GE(history[t][i], history[t - 1][i]);
                EXPECT_LE(history[t][i], 1.0);
            }
        }
        const StressResult r = run_stress(net, shock, with(Model::debtrank));
        double total = 0, lost = 0;
        for (std::size_t i = 0; i < expected.size(); ++i) {
            EXPECT_NEAR(*r.entities[i].h, expected[i], 1e-12);
            total += capital[i];
            lost += capital[i] * expected[i];
        }
        EXPECT_NEAR(*r.summary.capital_lost_share, lost / total, 1e-12);
        EXPECT_EQ(r.summary.steps, history.size());
    }
}

TEST(CascadeProperty, LinearDebtRankMatchesTheMatrixReference) {
    for (std::uint64_t seed = 1; seed <= 8; ++seed) {
        const Network net = generated(40, 240, seed + 300);
        const auto x = reference::exposures(net);
        const auto capital = capital_of(net);
        SplitMix64 rng{seed};
        ShockVector shock(net.entity_count(), 0);
        for (int k = 0; k < 3; ++k) shock[rng.next() % shock.size()] = 0.3 * rng.uniform();
        const auto expected = reference::linear_debtrank(x, capital, shock);
        const StressResult r = run_stress(net, shock, with(Model::linear_debtrank));
        EXPECT_EQ(r.summary.converged, true);
        for (std::size_t i = 0; i < expected.size(); ++i) {
            EXPECT_NEAR(*r.entities[i].h, expected[i], 1e-10);
        }
    }
}

TEST(CascadeProperty, DigestAgreesWithTheFullResult) {
    const Network net = generated(200, 1500, 77);
    for (Model model : {Model::furfine, Model::debtrank, Model::linear_debtrank, Model::clearing}) {
        SCOPED_TRACE(std::string(to_string(model)));
        const PreparedNetwork prepared = prepare(net, with(model));
        StressRunner runner(prepared);
        for (EntityIndex s = 0; s < 20; ++s) {
            const Shock shock{s * 7 % 200, 1.0};
            const StressDigest digest = runner.run({&shock, 1});
            const StressResult full = runner.run_full({&shock, 1});
            EXPECT_EQ(digest.defaulted.size(), full.summary.defaults);
            std::vector<EntityIndex> listed;
            for (const auto& e : full.entities) {
                if (e.defaulted) listed.push_back(e.entity);
            }
            EXPECT_EQ(digest.defaulted, listed);
            EXPECT_NEAR(digest.capital_lost, *full.summary.capital_lost,
                        1e-12 * std::max(1.0, digest.capital_lost));
            EXPECT_EQ(digest.debtrank.has_value(), full.summary.debtrank.has_value());
            if (digest.shortfall) {
                EXPECT_NEAR(*digest.shortfall, *full.summary.shortfall,
                            1e-12 * std::max(1.0, *digest.shortfall));
            }
        }
    }
}

}  // namespace
}  // namespace crashchain
