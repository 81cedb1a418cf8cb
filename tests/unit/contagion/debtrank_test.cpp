#include "contagion/debtrank.hpp"

#include <gtest/gtest.h>

#include "contagion/stress.hpp"
#include "core/error.hpp"
#include "unit/contagion/builder.hpp"

namespace crashchain {
namespace {

using test::Builder;
using test::outcome;
using test::shocks;

StressOptions with(Model model) {
    StressOptions o;
    o.model = model;
    return o;
}

// Chain A <- B <- C (B exposed to A, C exposed to B), capital 10 each.
//   B lends A 10 at lgd 0.5: X[B][A] = 5,  W[B][A] = 5/10 = 0.5
//   C lends B 20 at lgd 0.5: X[C][B] = 10, W[C][B] = min(1, 10/10) = 1
// Default A (h_A = 1):
//   step 1: h = (1, 0, 0), D = {A}
//   step 2: h_B = 0.5 * 1 = 0.5; A -> I, B -> D
//   step 3: h_C = 1 * 0.5 = 0.5; B -> I, C -> D
//   step 4: nobody is exposed to C; D is empty: stop.
//   h = (1, 0.5, 0.5); rounds A 0, B 1, C 2; only A in default.
//   capital lost = 10 + 5 + 5 = 20 of 30; debtrank = (1/3)(1 + .5 + .5) - (1/3)(1) = 1/3.
// Linear DebtRank gives the same on a chain: each entity's one increment is its whole h.
Builder chain() {
    Builder b;
    b.capital("A", 10).capital("B", 10).capital("C", 10);
    b.contract("B", "A", ContractKind::loan, 10, 0.5).contract("C", "B", ContractKind::loan, 20, 0.5);
    return b;
}

TEST(DebtRank, NullNetworkNeedsCapital) {
    EXPECT_THROW((void)run_stress(Network{}, {}, with(Model::debtrank)), InputError);
}

TEST(DebtRank, ChainByHand) {
    for (Model model : {Model::debtrank, Model::linear_debtrank}) {
        SCOPED_TRACE(std::string(to_string(model)));
        const Builder b = chain();
        const auto& net = b.network();
        const auto r = run_stress(net, shocks(net, {{"A", 1.0}}), with(model));
        EXPECT_DOUBLE_EQ(*outcome(r, net, "A").h, 1.0);
        EXPECT_DOUBLE_EQ(*outcome(r, net, "B").h, 0.5);
        EXPECT_DOUBLE_EQ(*outcome(r, net, "C").h, 0.5);
        EXPECT_EQ(outcome(r, net, "A").round, 0);
        EXPECT_EQ(outcome(r, net, "B").round, 1);
        EXPECT_EQ(outcome(r, net, "C").round, 2);
        EXPECT_TRUE(outcome(r, net, "A").defaulted);
        EXPECT_FALSE(outcome(r, net, "B").defaulted);
        EXPECT_EQ(outcome(r, net, "B").status, EntityStatus::distressed);
        EXPECT_DOUBLE_EQ(*outcome(r, net, "C").capital_lost, 5);
        EXPECT_FALSE(outcome(r, net, "C").loss.has_value());
        EXPECT_EQ(r.summary.defaults, 1u);
        EXPECT_DOUBLE_EQ(*r.summary.capital_lost, 20);
        EXPECT_DOUBLE_EQ(*r.summary.capital_lost_share, 2.0 / 3.0);
        EXPECT_NEAR(*r.summary.debtrank, 1.0 / 3.0, 1e-15);
        ASSERT_EQ(r.rounds.size(), 1u);
        EXPECT_EQ(r.rounds[0].defaults, std::vector<EntityIndex>{*net.find("A")});
        // C's distress came from B: X[C][B] * h_B = 10 * 0.5.
        ASSERT_EQ(outcome(r, net, "C").causes.size(), 1u);
        EXPECT_DOUBLE_EQ(outcome(r, net, "C").causes[0].loss, 5);
    }
}

// Star: hub H (capital 20) and leaves exposed to it, H exposed back to L1.
//   L1 (C 10) lends H 4 at lgd 1:   W[L1][H] = 0.4
//   L2 (C 10) lends H 10 at lgd 1:  W[L2][H] = 1
//   L3 (C 0)  lends H 1 at lgd 1:   W[L3][H] = 1 (capital 0: any exposure is total)
//   H lends L1 5 at lgd 1:          W[H][L1] = 5/20 = 0.25
// Shock H by 0.5, single-hit DebtRank:
//   step 1: h_H = 0.5, D = {H}
//   step 2: h_L1 = 0.4*0.5 = 0.2, h_L2 = 0.5, h_L3 = 0.5; H -> I; leaves -> D
//   step 3: H is inactive but keeps accumulating: h_H = 0.5 + 0.25*0.2 = 0.55; leaves -> I
//   stop: h = (H .55, L1 .2, L2 .5, L3 .5); nobody defaults.
//   capital lost = 20*.55 + 10*.2 + 10*.5 + 0 = 18 of 40 (0.45); debtrank = (18 - 20*.5)/40 = 0.2
Builder star() {
    Builder b;
    b.capital("H", 20).capital("L1", 10).capital("L2", 10).capital("L3", 0);
    b.contract("L1", "H", ContractKind::loan, 4, 1.0)
        .contract("L2", "H", ContractKind::loan, 10, 1.0)
        .contract("L3", "H", ContractKind::loan, 1, 1.0)
        .contract("H", "L1", ContractKind::loan, 5, 1.0);
    return b;
}

TEST(DebtRank, StarByHandSingleHit) {
    const Builder b = star();
    const auto& net = b.network();
    const auto r = run_stress(net, shocks(net, {{"H", 0.5}}), with(Model::debtrank));
    EXPECT_DOUBLE_EQ(*outcome(r, net, "H").h, 0.55);
    EXPECT_DOUBLE_EQ(*outcome(r, net, "L1").h, 0.2);
    EXPECT_DOUBLE_EQ(*outcome(r, net, "L2").h, 0.5);
    EXPECT_DOUBLE_EQ(*outcome(r, net, "L3").h, 0.5);
    EXPECT_EQ(outcome(r, net, "L3").round, 1);
    EXPECT_EQ(r.summary.defaults, 0u);
    EXPECT_DOUBLE_EQ(*r.summary.capital_lost, 18);
    EXPECT_DOUBLE_EQ(*r.summary.capital_lost_share, 0.45);
    EXPECT_NEAR(*r.summary.debtrank, 0.2, 1e-15);
    EXPECT_TRUE(r.rounds.empty());
}

TEST(DebtRank, StarByHandFullDefaultSaturates) {
    // Shock H fully: step 2 gives L1 .4, L2 1, L3 1 (two defaults in round 1); step 3 would add
    // 0.25*0.4 to h_H = 1, capped at 1. Lost: 20 + 4 + 10 + 0 = 34 of 40.
    const Builder b = star();
    const auto& net = b.network();
    const auto r = run_stress(net, shocks(net, {{"H", 1.0}}), with(Model::debtrank));
    EXPECT_DOUBLE_EQ(*outcome(r, net, "H").h, 1.0);
    EXPECT_DOUBLE_EQ(*outcome(r, net, "L1").h, 0.4);
    EXPECT_TRUE(outcome(r, net, "L2").defaulted);
    EXPECT_TRUE(outcome(r, net, "L3").defaulted);
    EXPECT_EQ(r.summary.defaults, 3u);
    EXPECT_DOUBLE_EQ(*r.summary.capital_lost, 34);
    ASSERT_EQ(r.rounds.size(), 2u);
    EXPECT_EQ(r.rounds[1].round, 1);
    EXPECT_EQ(r.rounds[1].defaults.size(), 2u);
}

TEST(LinearDebtRank, StarByHand) {
    // Every increment propagates: h_H = 0.5 + 0.25 h_L1 and h_L1 = 0.4 h_H, so
    // h_H = 0.5 / (1 - 0.1) = 5/9, h_L1 = 2/9, h_L2 = h_L3 = min(1, h_H) = 5/9 (increments of
    // ratio 0.1 per round trip; no cap is hit). Lost = 20*5/9 + 10*2/9 + 10*5/9 = 170/9 of 40;
    // debtrank = (170/9 - 10)/40 = 2/9. The tolerance 1e-13 on the last increment leaves an
    // error below 1e-13/(1 - 0.1).
    const Builder b = star();
    const auto& net = b.network();
    const auto r = run_stress(net, shocks(net, {{"H", 0.5}}), with(Model::linear_debtrank));
    EXPECT_NEAR(*outcome(r, net, "H").h, 5.0 / 9.0, 1e-12);
    EXPECT_NEAR(*outcome(r, net, "L1").h, 2.0 / 9.0, 1e-12);
    EXPECT_NEAR(*outcome(r, net, "L2").h, 5.0 / 9.0, 1e-12);
    EXPECT_NEAR(*outcome(r, net, "L3").h, 5.0 / 9.0, 1e-12);
    EXPECT_NEAR(*r.summary.capital_lost, 170.0 / 9.0, 1e-10);
    EXPECT_NEAR(*r.summary.capital_lost_share, 17.0 / 36.0, 1e-12);
    EXPECT_NEAR(*r.summary.debtrank, 2.0 / 9.0, 1e-12);
    EXPECT_EQ(r.summary.converged, true);
    EXPECT_EQ(outcome(r, net, "L1").round, 1);
}

TEST(LinearDebtRank, ReachesTheCapOnACycle) {
    // A and B fully exposed to each other (W = 1 both ways): a shock of 0.3 to A grows
    // 0.3 -> B 0.3 -> A 0.6 -> B 0.6 -> A 0.9 -> B 0.9 -> A 1 -> B 1: both default.
    Builder b;
    b.capital("A", 10).capital("B", 10);
    b.contract("A", "B", ContractKind::equity, 10).contract("B", "A", ContractKind::equity, 10);
    const auto& net = b.network();
    const auto r = run_stress(net, shocks(net, {{"A", 0.3}}), with(Model::linear_debtrank));
    EXPECT_DOUBLE_EQ(*outcome(r, net, "A").h, 1.0);
    EXPECT_DOUBLE_EQ(*outcome(r, net, "B").h, 1.0);
    EXPECT_EQ(r.summary.defaults, 2u);
    EXPECT_NEAR(*r.summary.debtrank, (20.0 - 3.0) / 20.0, 1e-15);
    // Single-hit DebtRank on the same cycle: B gets 0.3 once, pushes it back to A (0.6) and stops.
    const auto s = run_stress(net, shocks(net, {{"A", 0.3}}), with(Model::debtrank));
    EXPECT_DOUBLE_EQ(*outcome(s, net, "A").h, 0.6);
    EXPECT_DOUBLE_EQ(*outcome(s, net, "B").h, 0.3);
}

TEST(DebtRank, AnEntityListedTwiceIsShockedOnce) {
    const Builder b = star();
    const auto& net = b.network();
    const EntityIndex h = *net.find("H");
    const std::vector<Shock> twice{{h, 0.5}, {h, 0.5}};
    for (Model model : {Model::debtrank, Model::linear_debtrank}) {
        const PreparedNetwork prepared = prepare(net, with(model));
        StressRunner runner(prepared);
        StressRunner once(prepared);
        EXPECT_DOUBLE_EQ(runner.run(twice).capital_lost, once.run({&twice[0], 1}).capital_lost);
    }
}

TEST(DebtRank, RunnerReuseMatchesFreshRuns) {
    const Builder b = star();
    const auto& net = b.network();
    for (Model model : {Model::debtrank, Model::linear_debtrank}) {
        const PreparedNetwork prepared = prepare(net, with(model));
        StressRunner runner(prepared);
        (void)runner.run(sparse_shock(shocks(net, {{"H", 1.0}})));
        const StressDigest second = runner.run(sparse_shock(shocks(net, {{"L2", 0.5}})));
        StressRunner fresh(prepared);
        const StressDigest expected = fresh.run(sparse_shock(shocks(net, {{"L2", 0.5}})));
        EXPECT_EQ(second.losses, expected.losses);
        EXPECT_EQ(second.defaulted, expected.defaulted);
        // Nobody is exposed to L2: it loses 10 * 0.5 and nothing propagates.
        EXPECT_DOUBLE_EQ(second.capital_lost, 5);
        EXPECT_DOUBLE_EQ(*second.debtrank, 0);
    }
}

}  // namespace
}  // namespace crashchain
