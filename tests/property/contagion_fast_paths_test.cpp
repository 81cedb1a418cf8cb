// The specialised paths of the repeated-run commands against the general engine, on generated
// networks: Monte Carlo's Furfine (FurfineOutcome) against StressRunner on the same shock, and
// rank's batched DebtRank (DebtRankBatch, kLanes sources per pass) against one stress run per
// source. Both add the same terms in the same order as the engine they replace, so every
// number must be equal to the last bit (a stricter check than the 1e-12 the issue asks).
#include <gtest/gtest.h>

#include <algorithm>

#include "contagion/debtrank_batch.hpp"
#include "contagion/furfine_outcome.hpp"
#include "contagion/stress.hpp"
#include "scenario/rank.hpp"
#include "synth/generator.hpp"

namespace crashchain {
namespace {

Network generated(std::size_t entities, std::size_t contracts, std::uint64_t seed) {
    GeneratorOptions g;
    g.entities = entities;
    g.contracts = contracts;
    g.seed = seed;
    g.self_loops = seed % 2 == 0;
    Network net = generate_network(g);
    // SPEC 6 cases: some entities without capital (W = 1 on any exposure, default on any loss).
    if (seed % 3 == 0) {
        for (EntityIndex i = 0; i < net.entity_count(); i += 11) net.entity(i).capital = 0.0;
    }
    return net;
}

TEST(FastPaths, FurfineOutcomeEqualsTheRunnerDigestOnTheSameShock) {
    for (std::uint64_t seed = 1; seed <= 6; ++seed) {
        const Network net = generated(120, 900, seed + 700);
        StressOptions options;
        options.model = Model::furfine;
        const PreparedNetwork prepared = prepare(net, options);
        StressRunner runner(prepared);
        FurfineOutcome outcome(prepared);
        SplitMix64 rng{seed};
        std::vector<EntityIndex> defaulted;
        for (int run = 0; run < 60; ++run) {
            // Half the entities shocked (as in Monte Carlo) with a default share that varies
            // from run to run, so that cascades go from none to system-wide and rounds are
            // pushed and pulled; every fourth run shocks a single entity.
            const double default_share = 0.1 * static_cast<double>(run % 5);
            ShockVector shock(net.entity_count(), 0.0);
            for (auto& f : shock) {
                const double u = rng.uniform();
                f = run % 4 == 3           ? 0.0
                    : u < 0.5              ? 0.0
                    : u < 0.5 + 0.1 * default_share ? 1.0
                                           : rng.uniform();
            }
            if (run % 4 == 3) shock[rng.next() % shock.size()] = 1.0;
            double share = -1;
            outcome.run(shock, defaulted, share);
            const StressDigest& digest = runner.run(sparse_shock(shock));
            EXPECT_EQ(defaulted, digest.defaulted) << seed << " " << run;
            EXPECT_EQ(share, digest.capital_lost_share) << seed << " " << run;
        }
    }
}

TEST(FastPaths, DebtRankRanksEqualOneStressRunPerSource) {
    // Sizes around the batch width (kLanes = 8): a last batch of 1 to 7 sources, and a network
    // small enough for every step to be dense next to larger ones with sparse steps.
    const std::size_t sizes[] = {5, 17, 64, 203};
    for (std::uint64_t seed = 1; seed <= 8; ++seed) {
        const std::size_t entities = sizes[seed % 4];
        const Network net = generated(entities, entities * (3 + seed % 5), seed + 800);
        StressOptions options;
        // Both DebtRank models run batched; alternate them over the seeds.
        options.model = seed % 2 == 0 ? Model::debtrank : Model::linear_debtrank;
        SCOPED_TRACE(std::string(to_string(options.model)) + " seed " + std::to_string(seed));
        const PreparedNetwork prepared = prepare(net, options);
        RankOptions rank_options;
        rank_options.threads = 1;
        const RankResult ranked = rank_entities(net, prepared, rank_options);
        ASSERT_EQ(ranked.entries.size(), net.entity_count());
        std::vector<std::size_t> vulnerability(net.entity_count(), 0);
        std::vector<const RankEntry*> by_source(net.entity_count(), nullptr);
        for (const auto& entry : ranked.entries) by_source[entry.entity] = &entry;
        for (EntityIndex s = 0; s < net.entity_count(); ++s) {
            ShockVector shock(net.entity_count(), 0.0);
            shock[s] = 1.0;
            const StressResult single = run_stress(prepared, shock);
            ASSERT_NE(by_source[s], nullptr);
            const RankEntry& entry = *by_source[s];
            std::size_t caused = 0;
            for (const auto& e : single.entities) {
                if (!e.defaulted || e.entity == s) continue;
                ++caused;
                ++vulnerability[e.entity];
            }
            const Dollars own = *single.entities[s].capital_lost;
            EXPECT_EQ(entry.defaults_caused, caused) << net.id(s);
            EXPECT_EQ(entry.capital_lost, *single.summary.capital_lost) << net.id(s);
            EXPECT_EQ(entry.capital_lost_share, *single.summary.capital_lost_share) << net.id(s);
            EXPECT_EQ(entry.debtrank, single.summary.debtrank) << net.id(s);
            EXPECT_EQ(entry.impact,
                      (*single.summary.capital_lost - own) / prepared.cascade.total_capital)
                << net.id(s);
        }
        for (const auto& entry : ranked.entries) {
            EXPECT_EQ(entry.vulnerability, vulnerability[entry.entity]) << net.id(entry.entity);
        }
        // Any thread count (capped at the cores) gives the same entries in the same order.
        for (const unsigned threads : {2u, 3u, 64u}) {
            rank_options.threads = threads;
            const RankResult again = rank_entities(net, prepared, rank_options);
            ASSERT_EQ(again.entries.size(), ranked.entries.size());
            for (std::size_t k = 0; k < again.entries.size(); ++k) {
                EXPECT_EQ(again.entries[k].entity, ranked.entries[k].entity);
                EXPECT_EQ(again.entries[k].capital_lost, ranked.entries[k].capital_lost);
                EXPECT_EQ(again.entries[k].debtrank, ranked.entries[k].debtrank);
                EXPECT_EQ(again.entries[k].vulnerability, ranked.entries[k].vulnerability);
            }
        }
    }
}

TEST(FastPaths, DebtRankBatchLanesEqualTheSingleRunOnBothInstructionSets) {
    // The baseline (SSE2) and, where the CPU has it, the AVX2 kernels of DebtRankBatch, each
    // lane against one stress run of its source: equal to the last bit. Batches of 8 sources
    // and a last one of 3, taken in reverse index order so that lanes are not sorted.
    for (std::uint64_t seed = 1; seed <= 4; ++seed) {
        const std::size_t entities = seed % 2 == 0 ? 19 : 150;
        const Network net = generated(entities, entities * (4 + seed), seed + 900);
        for (const Model model : {Model::debtrank, Model::linear_debtrank}) {
            StressOptions options;
            options.model = model;
            SCOPED_TRACE(to_string(model));
            const PreparedNetwork prepared = prepare(net, options);
            for (const bool wide : {false, true}) {
                SCOPED_TRACE(wide ? "AVX2 where available" : "baseline");
                DebtRankBatch batch(prepared, wide);
                if (!wide) {
                    EXPECT_FALSE(batch.wide());
                }
                std::array<DebtRankBatch::Summary, DebtRankBatch::kLanes> summary;
                std::array<std::vector<EntityIndex>, DebtRankBatch::kLanes> defaulted;
                std::vector<EntityIndex> order(entities);
                for (std::size_t k = 0; k < entities; ++k) {
                    order[k] = static_cast<EntityIndex>(entities - 1 - k);
                }
                for (std::size_t begin = 0; begin < entities; begin += DebtRankBatch::kLanes) {
                    const std::size_t count = std::min(DebtRankBatch::kLanes, entities - begin);
                    batch.run({order.data() + begin, count}, summary, defaulted);
                    for (std::size_t l = 0; l < count; ++l) {
                        const EntityIndex s = order[begin + l];
                        ShockVector shock(entities, 0.0);
                        shock[s] = 1.0;
                        const StressResult single = run_stress(prepared, shock);
                        std::vector<EntityIndex> expected_defaults;
                        for (const auto& e : single.entities) {
                            if (e.defaulted) expected_defaults.push_back(e.entity);
                        }
                        EXPECT_EQ(summary[l].capital_lost, *single.summary.capital_lost) << s;
                        EXPECT_EQ(summary[l].debtrank, single.summary.debtrank) << s;
                        EXPECT_EQ(summary[l].own_loss, *single.entities[s].capital_lost) << s;
                        EXPECT_EQ(defaulted[l], expected_defaults) << s;
                    }
                }
            }
        }
    }
}

}  // namespace
}  // namespace crashchain
