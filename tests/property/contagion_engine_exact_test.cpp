// The sparse engines (frontiers, branch-free receiver lists, state reset between runs) against
// the dense step-by-step references of contagion_reference.hpp, on generated networks with one
// reused runner per network. DebtRank and linear DebtRank add the same terms in the same order
// as the references (ascending counterparty within a step, exposures summed in contract order),
// so their h must be equal to the last bit. Furfine's reference sums a round's losses in
// another order, so losses match to 1e-12 relative and the rounds exactly. Digest and full
// result must agree exactly: both sum ascending by entity, the digest skipping zero terms.
#include <gtest/gtest.h>

#include <algorithm>

#include "contagion/debtrank.hpp"
#include "contagion/stress.hpp"
#include "property/contagion_reference.hpp"
#include "synth/generator.hpp"

namespace crashchain {
namespace {

/// Generated network; `zero_capital` sets every 7th entity's capital to 0 (SPEC 6 cases).
Network generated(std::size_t entities, std::uint64_t seed, bool zero_capital) {
    GeneratorOptions g;
    g.entities = entities;
    g.contracts = entities * 6;
    g.seed = seed;
    g.self_loops = seed % 2 == 0;
    Network net = generate_network(g);
    if (zero_capital) {
        for (EntityIndex i = 0; i < net.entity_count(); i += 7) net.entity(i).capital = 0.0;
    }
    return net;
}

std::vector<double> capital_of(const Network& net) {
    std::vector<double> c;
    for (const auto& e : net.entities()) c.push_back(*e.effective_capital());
    return c;
}

/// 1 to 4 shocked entities; `default_share` of them default, the rest lose a random fraction
/// (times `partial_scale`).
ShockVector random_shock(SplitMix64& rng, std::size_t n, double default_share,
                         double partial_scale) {
    ShockVector shock(n, 0);
    const std::size_t count = 1 + rng.next() % 4;
    for (std::size_t k = 0; k < count; ++k) {
        const double u = rng.uniform();
        shock[rng.next() % n] = u < default_share ? 1.0 : partial_scale * rng.uniform();
    }
    return shock;
}

void expect_digest_matches(const StressDigest& digest, const StressResult& full) {
    std::vector<EntityIndex> defaulted;
    std::vector<std::pair<EntityIndex, Dollars>> losses;
    for (const auto& e : full.entities) {
        if (e.defaulted) defaulted.push_back(e.entity);
        if (*e.capital_lost > 0) losses.emplace_back(e.entity, *e.capital_lost);
    }
    EXPECT_EQ(digest.defaulted, defaulted);
    EXPECT_EQ(digest.losses, losses);
    EXPECT_EQ(digest.capital_lost, *full.summary.capital_lost);
    EXPECT_EQ(digest.capital_lost_share, *full.summary.capital_lost_share);
    EXPECT_EQ(digest.debtrank, full.summary.debtrank);
}

TEST(EngineExact, FurfineFollowsTheRoundByRoundReference) {
    for (std::uint64_t seed = 1; seed <= 6; ++seed) {
        for (bool zero : {false, true}) {
            const Network net = generated(70, seed + 400, zero);
            const auto x = reference::exposures(net);
            const auto capital = capital_of(net);
            StressOptions options;
            options.model = Model::furfine;
            const PreparedNetwork prepared = prepare(net, options);
            StressRunner runner(prepared);
            SplitMix64 rng{seed};
            for (int run = 0; run < 25; ++run) {
                const ShockVector shock = random_shock(rng, net.entity_count(), 0.5, 1.0);
                const auto expected = reference::furfine(x, capital, shock);
                const auto sparse = sparse_shock(shock);
                const StressResult full = runner.run_full(sparse);
                for (std::size_t i = 0; i < capital.size(); ++i) {
                    const auto& e = full.entities[i];
                    EXPECT_EQ(e.round.value_or(-1), expected.round[i]) << net.id(e.entity);
                    EXPECT_NEAR(*e.loss, expected.loss[i], 1e-12 * std::max(1.0, expected.loss[i]));
                }
                expect_digest_matches(runner.run(sparse), full);
            }
        }
    }
}

/// How the DebtRank engines are exercised: networks, runs per network, shock mix.
struct DebtRankCase {
    Model model;
    std::uint64_t seeds;      ///< networks seed + base_seed for seed = 1..seeds
    std::uint64_t base_seed;
    std::size_t entities;
    int runs;                 ///< random shocks per network
    double default_share;
    double partial_scale;
};

/// Every run's h equals `reference(x, capital, shock)` to the last bit, and the digest equals
/// the full result. Both engines add the same terms in the same order as the references.
template <class Reference>
void expect_h_equals_reference(const DebtRankCase& c, Reference reference) {
    for (std::uint64_t seed = 1; seed <= c.seeds; ++seed) {
        for (bool zero : {false, true}) {
            const Network net = generated(c.entities, seed + c.base_seed, zero);
            const auto x = reference::exposures(net);
            const auto capital = capital_of(net);
            StressOptions options;
            options.model = c.model;
            const PreparedNetwork prepared = prepare(net, options);
            StressRunner runner(prepared);
            SplitMix64 rng{seed};
            for (int run = 0; run < c.runs; ++run) {
                const ShockVector shock =
                    random_shock(rng, net.entity_count(), c.default_share, c.partial_scale);
                const std::vector<double> expected = reference(x, capital, shock);
                const auto sparse = sparse_shock(shock);
                const StressResult full = runner.run_full(sparse);
                // Linear DebtRank may stop unconverged; these small networks converge.
                if (c.model == Model::linear_debtrank) {
                    ASSERT_EQ(full.summary.converged, true);
                }
                for (std::size_t i = 0; i < capital.size(); ++i) {
                    EXPECT_EQ(*full.entities[i].h, expected[i]) << net.id(full.entities[i].entity);
                }
                expect_digest_matches(runner.run(sparse), full);
            }
        }
    }
}

TEST(EngineExact, DebtRankEqualsTheStepByStepReferenceBitForBit) {
    expect_h_equals_reference({Model::debtrank, 6, 500, 70, 25, 0.5, 1.0},
                              [](const auto& x, const auto& capital, const ShockVector& shock) {
                                  return reference::debtrank(x, capital, shock);
                              });
}

TEST(EngineExact, LinearDebtRankEqualsTheMatrixReferenceBitForBit) {
    expect_h_equals_reference({Model::linear_debtrank, 4, 600, 50, 12, 0.2, 0.3},
                              [](const auto& x, const auto& capital, const ShockVector& shock) {
                                  return reference::linear_debtrank(x, capital, shock);
                              });
}

TEST(EngineExact, LinearDebtRankOnThreadsEqualsTheReferenceBitForBit) {
    // One exposure per thread is enough to split: every step of these small networks runs on
    // 2 or 3 receiver ranges, pushing (listed or dense) or pulling. Capital is raised so that
    // few entities saturate at h = 1, where a wrong push would go unseen.
    for (std::uint64_t seed = 1; seed <= 4; ++seed) {
        for (bool zero : {false, true}) {
            Network net = generated(50, seed + 600, zero);
            for (EntityIndex i = 0; i < net.entity_count(); ++i) {
                Entity& entity = net.entity(i);
                entity.capital = *entity.effective_capital() * 20;
            }
            const auto x = reference::exposures(net);
            const auto capital = capital_of(net);
            StressOptions options;
            options.model = Model::linear_debtrank;
            const PreparedNetwork prepared = prepare(net, options);
            for (unsigned threads : {2u, 3u}) {
                LinearDebtRankEngine engine(prepared, threads, 1);
                std::size_t saturated = 0;
                std::size_t compared = 0;
                SplitMix64 rng{seed};
                for (int run = 0; run < 12; ++run) {
                    const ShockVector shock = random_shock(rng, net.entity_count(), 0.2, 0.3);
                    const std::vector<double> expected =
                        reference::linear_debtrank(x, capital, shock);
                    engine.run(sparse_shock(shock));
                    const StressResult full = engine.result();
                    ASSERT_EQ(full.summary.converged, true);
                    for (std::size_t i = 0; i < capital.size(); ++i) {
                        EXPECT_EQ(*full.entities[i].h, expected[i]) << net.id(full.entities[i].entity);
                        saturated += expected[i] >= 1 ? 1 : 0;
                        compared += 1;
                    }
                }
                EXPECT_LT(saturated * 4, compared) << "too many entities at h = 1 to see a wrong push";
            }
        }
    }
}

TEST(EngineExact, LinearDebtRankIsTheSameOnAnyThreadCount) {
    // The default split (kMinPerThread exposures a thread) on a network large enough that
    // steps pull on up to 3 threads and push on 2. Every number must be equal.
    for (std::uint64_t seed = 1; seed <= 2; ++seed) {
        const Network net = generated(40'000, seed + 700, seed == 2);
        StressOptions options;
        options.model = Model::linear_debtrank;
        const PreparedNetwork prepared = prepare(net, options);
        ASSERT_GE(prepared.cascade.pulled.entries(),
                  3 * LinearDebtRankEngine::kMinPerThread);
        StressRunner one(prepared, 1);
        StressRunner two(prepared, 2);
        StressRunner three(prepared, 3);
        SplitMix64 rng{seed};
        const auto sparse = sparse_shock(random_shock(rng, net.entity_count(), 0.5, 0.5));
        const StressResult expected = one.run_full(sparse);
        for (StressRunner* runner : {&two, &three}) {
            const StressResult full = runner->run_full(sparse);
            ASSERT_EQ(full.entities.size(), expected.entities.size());
            for (std::size_t i = 0; i < expected.entities.size(); ++i) {
                EXPECT_EQ(*full.entities[i].h, *expected.entities[i].h);
                EXPECT_EQ(full.entities[i].round, expected.entities[i].round);
            }
            EXPECT_EQ(full.summary.steps, expected.summary.steps);
            EXPECT_EQ(full.summary.debtrank, expected.summary.debtrank);
            expect_digest_matches(runner->run(sparse), full);
        }
    }
}

}  // namespace
}  // namespace crashchain
