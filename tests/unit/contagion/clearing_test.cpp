#include "contagion/clearing.hpp"

#include <gtest/gtest.h>

#include "contagion/stress.hpp"
#include "core/error.hpp"
#include "unit/contagion/builder.hpp"

namespace crashchain {
namespace {

using test::Builder;
using test::outcome;
using test::shocks;

StressOptions clearing(double alpha = 1, double beta = 1,
                       ExternalSeniority external = ExternalSeniority::pari_passu) {
    StressOptions o;
    o.model = Model::clearing;
    o.alpha = alpha;
    o.beta = beta;
    o.external = external;
    return o;
}

constexpr double kTol = 1e-12;

TEST(Clearing, NullNetworkAndSingleEntity) {
    const auto empty = run_stress(Network{}, {}, clearing());
    EXPECT_TRUE(empty.entities.empty());
    EXPECT_EQ(empty.summary.unique, true);
    // One entity owing 10 outside with 4 of assets: pays 4 (recovery 0.4), round 0.
    Builder b;
    b.sheet("A", 4, 10);
    const auto r = run_stress(b.network(), {0.0}, clearing());
    EXPECT_TRUE(r.entities[0].defaulted);
    EXPECT_EQ(r.entities[0].round, 0);
    EXPECT_DOUBLE_EQ(*r.entities[0].payment, 4);
    EXPECT_DOUBLE_EQ(*r.entities[0].recovery, 0.4);
    EXPECT_DOUBLE_EQ(*r.summary.external_loss, 6);
}

TEST(Clearing, SelfLoopIsNoObligation) {
    // A owes itself 100 (ignored); assets 5, liabilities 5: a tie, solvent, equity 0.
    Builder b;
    b.sheet("A", 5, 5).owes("A", "A", 100);
    const auto r = run_stress(b.network(), {0.0}, clearing());
    EXPECT_FALSE(r.entities[0].defaulted);
    EXPECT_DOUBLE_EQ(*r.entities[0].obligations, 5);
    EXPECT_DOUBLE_EQ(*r.entities[0].equity, 0);
}

// The three-bank example in the style of Eisenberg-Noe (2001):
//   L[A][B] = 10, L[A][C] = 10, L[B][C] = 20, L[C][A] = 5 (C's as a purchase from A);
//   e = (5, 5, 10); external liabilities (0, 0, 30); pbar = (20, 20, 35).
// Round 0 (everyone pays in full): A has 5 + 5 = 10 < 20, B has 5 + 10 = 15 < 20 -> default;
//   C has 10 + 10 + 20 = 40 >= 35.
//   Solve with C paying 35: p_A = 5 + (5/35)*35 = 10; p_B = 5 + (10/20)*10 = 10.
// Round 1: C gets 10 + (10/20)*10 + (20/20)*10 = 25 < 35 -> default.
//   Solve all three: p_A = 5 + p_C/7, p_B = 5 + p_A/2, p_C = 10 + p_A/2 + p_B = 15 + p_A
//   => p_A (6/7) = 5 + 15/7 => p_A = 25/3, p_B = 55/6, p_C = 70/3.
// Round 2: nobody new. Shortfall = 35/3 + 65/6 + 35/3 = 205/6; external creditors (of C only)
// lose (35 - 70/3) * 30/35 = 10. The system from zero payments reaches the same vector (the
// matrix is nonsingular because C leaks to external creditors): unique.
Builder three_banks() {
    Builder b;
    b.sheet("A", 5, 0).sheet("B", 5, 0).sheet("C", 10, 30);
    b.owes("A", "B", 10).owes("A", "C", 10).owes("B", "C", 20);
    b.contract("C", "A", ContractKind::purchase, 5);  // C, the customer, owes A 5
    return b;
}

TEST(Clearing, ThreeBanksByHand) {
    const Builder b = three_banks();
    const auto& net = b.network();
    const auto r = run_stress(net, shocks(net, {}), clearing());
    EXPECT_NEAR(*outcome(r, net, "A").payment, 25.0 / 3.0, kTol);
    EXPECT_NEAR(*outcome(r, net, "B").payment, 55.0 / 6.0, kTol);
    EXPECT_NEAR(*outcome(r, net, "C").payment, 70.0 / 3.0, kTol);
    EXPECT_DOUBLE_EQ(*outcome(r, net, "C").obligations, 35);
    EXPECT_NEAR(*outcome(r, net, "A").recovery, 5.0 / 12.0, kTol);
    EXPECT_NEAR(*outcome(r, net, "C").recovery, 2.0 / 3.0, kTol);
    EXPECT_EQ(outcome(r, net, "A").round, 0);
    EXPECT_EQ(outcome(r, net, "B").round, 0);
    EXPECT_EQ(outcome(r, net, "C").round, 1);
    EXPECT_DOUBLE_EQ(*outcome(r, net, "C").equity, 0);
    EXPECT_EQ(r.summary.defaults, 3u);
    EXPECT_NEAR(*r.summary.shortfall, 205.0 / 6.0, 1e-11);
    EXPECT_NEAR(*r.summary.external_loss, 10, 1e-11);
    EXPECT_EQ(r.summary.unique, true);
    EXPECT_LT(*r.summary.residual, 1e-12);
    ASSERT_EQ(r.rounds.size(), 2u);
    EXPECT_EQ(r.rounds[0].defaults.size(), 2u);
    // Without a shock nothing is "distressed": the baseline is this very run.
    EXPECT_EQ(outcome(r, net, "A").status, EntityStatus::defaulted);
    EXPECT_FALSE(outcome(r, net, "A").h.has_value());
    EXPECT_FALSE(outcome(r, net, "A").loss.has_value());
    // C was short-paid by B (20 * (1 - 11/24) = 65/6) and by A (10 * (1 - 5/12) = 35/6).
    const auto& causes = outcome(r, net, "C").causes;
    ASSERT_EQ(causes.size(), 2u);
    EXPECT_EQ(causes[0].counterparty, *net.find("B"));
    EXPECT_NEAR(causes[0].loss, 65.0 / 6.0, 1e-11);
    EXPECT_NEAR(causes[1].loss, 35.0 / 6.0, 1e-11);
}

// A circle A -> B -> C -> A, each owing the next 10; assets (3, 1, 1); A also owes 2 outside.
// Unshocked: everyone gets 10 in and owes 10 (A 12): A 13 >= 12, B 11 >= 10, C 11 >= 10.
// Shock A by 0.5: e_A = 1.5 -> A has 11.5 < 12: default in round 0.
//   Eisenberg-Noe: p_A = 1.5 + 10 = 11.5; B gets 10 * 11.5/12 = 115/12 and has 1 + 115/12 =
//   10.58 >= 10: solvent with equity 7/12 < 1 (distressed). C gets 10 from B: untouched.
//   Shortfall 0.5, external loss 0.5 * 2/12 = 1/12.
//   Rogers-Veraart alpha = beta = 0.5: p_A = 0.75 + 0.5*10 = 5.75; B has 1 + (10/12)*5.75
//   = 5.79 < 10: round 1. Solve {A, B}: p_B = 0.5 + (5/12)*5.75 = 2.8958; C has 1 + 2.8958 < 10:
//   round 2. Solve {A, B, C}: p_A = 0.75 + p_C/2, p_B = 0.5 + (5/12) p_A, p_C = 0.5 + p_B/2
//   => p_A = 54/43, p_B = 44/43, p_C = 87/86. One default became three.
Builder circle() {
    Builder b;
    b.sheet("A", 3, 2).sheet("B", 1, 0).sheet("C", 1, 0);
    b.owes("A", "B", 10).owes("B", "C", 10).owes("C", "A", 10);
    return b;
}

TEST(Clearing, CircleEisenbergNoeOneDefault) {
    const Builder b = circle();
    const auto& net = b.network();
    const auto r = run_stress(net, shocks(net, {{"A", 0.5}}), clearing());
    EXPECT_EQ(r.summary.defaults, 1u);
    EXPECT_DOUBLE_EQ(*outcome(r, net, "A").payment, 11.5);
    EXPECT_FALSE(outcome(r, net, "B").defaulted);
    EXPECT_NEAR(*outcome(r, net, "B").equity, 7.0 / 12.0, kTol);
    EXPECT_EQ(outcome(r, net, "B").status, EntityStatus::distressed);
    EXPECT_EQ(outcome(r, net, "C").status, EntityStatus::solvent);
    EXPECT_DOUBLE_EQ(*outcome(r, net, "C").equity, 1);
    EXPECT_NEAR(*r.summary.shortfall, 0.5, kTol);
    EXPECT_NEAR(*r.summary.external_loss, 1.0 / 12.0, kTol);
    // Equity lost against the unshocked network: A 1 (to 0), B 5/12; of 3 in total.
    EXPECT_NEAR(*r.summary.capital_lost, 1 + 5.0 / 12.0, kTol);
    EXPECT_NEAR(*r.summary.capital_lost_share, (1 + 5.0 / 12.0) / 3.0, kTol);
}

TEST(Clearing, CircleDefaultCostsTurnOneDefaultIntoThree) {
    const Builder b = circle();
    const auto& net = b.network();
    const auto r = run_stress(net, shocks(net, {{"A", 0.5}}), clearing(0.5, 0.5));
    EXPECT_EQ(r.summary.defaults, 3u);
    EXPECT_EQ(outcome(r, net, "A").round, 0);
    EXPECT_EQ(outcome(r, net, "B").round, 1);
    EXPECT_EQ(outcome(r, net, "C").round, 2);
    EXPECT_NEAR(*outcome(r, net, "A").payment, 54.0 / 43.0, kTol);
    EXPECT_NEAR(*outcome(r, net, "B").payment, 44.0 / 43.0, kTol);
    EXPECT_NEAR(*outcome(r, net, "C").payment, 87.0 / 86.0, kTol);
    EXPECT_EQ(r.summary.unique, true);
    EXPECT_LT(*r.summary.residual, 1e-12);
    ASSERT_EQ(r.rounds.size(), 3u);
    EXPECT_EQ(r.rounds[2].defaults, std::vector<EntityIndex>{*net.find("C")});
}

// Two nodes: A owes B 10 and 10 outside (pbar 20), assets 12; B owes 5 outside, no assets.
//   Pari passu: A pays 12, half to B (6): B has 6 >= 5, solvent with equity 1. External loss
//   (20 - 12) * 10/20 = 4; shortfall 8.
//   Senior: A pays its external creditors 10 first, B gets 2 < 5: B defaults in round 1 and
//   pays 2. External loss 0 + 3; shortfall 8 + 3 = 11.
//   With assets 8 instead, senior leaves the network nothing: A pays 8 outside, B gets 0.
Builder two_nodes(double assets_a) {
    Builder b;
    b.sheet("A", assets_a, 10).sheet("B", 0, 5);
    b.owes("A", "B", 10);
    return b;
}

TEST(Clearing, PariPassuVersusSenior) {
    const Builder b = two_nodes(12);
    const auto& net = b.network();
    const auto pp = run_stress(net, shocks(net, {}), clearing());
    EXPECT_EQ(pp.summary.defaults, 1u);
    EXPECT_DOUBLE_EQ(*outcome(pp, net, "A").payment, 12);
    EXPECT_DOUBLE_EQ(*outcome(pp, net, "B").payment, 5);
    EXPECT_DOUBLE_EQ(*outcome(pp, net, "B").equity, 1);
    EXPECT_DOUBLE_EQ(*pp.summary.external_loss, 4);
    EXPECT_DOUBLE_EQ(*pp.summary.shortfall, 8);

    const auto senior = run_stress(net, shocks(net, {}),
                                   clearing(1, 1, ExternalSeniority::senior));
    EXPECT_EQ(senior.summary.defaults, 2u);
    EXPECT_DOUBLE_EQ(*outcome(senior, net, "A").payment, 12);
    EXPECT_DOUBLE_EQ(*outcome(senior, net, "B").payment, 2);
    EXPECT_EQ(outcome(senior, net, "B").round, 1);
    EXPECT_DOUBLE_EQ(*senior.summary.external_loss, 3);
    EXPECT_DOUBLE_EQ(*senior.summary.shortfall, 11);
    EXPECT_LT(*senior.summary.residual, 1e-12);
    // B lost 8 of the 10 A owed it.
    ASSERT_EQ(outcome(senior, net, "B").causes.size(), 1u);
    EXPECT_DOUBLE_EQ(outcome(senior, net, "B").causes[0].loss, 8);
}

TEST(Clearing, SeniorExternalDebtCanLeaveTheNetworkNothing) {
    const Builder b = two_nodes(8);
    const auto& net = b.network();
    const auto r = run_stress(net, shocks(net, {}), clearing(1, 1, ExternalSeniority::senior));
    EXPECT_DOUBLE_EQ(*outcome(r, net, "A").payment, 8);
    EXPECT_DOUBLE_EQ(*outcome(r, net, "B").payment, 0);
    EXPECT_DOUBLE_EQ(*outcome(r, net, "B").recovery, 0);
    EXPECT_DOUBLE_EQ(*r.summary.external_loss, 2 + 5);
    EXPECT_LT(*r.summary.residual, 1e-12);
    EXPECT_EQ(r.summary.unique, true);
}

TEST(Clearing, PureCycleWithoutAssetsIsNotUnique) {
    // A owes B 10, B owes C 10, C owes A 10, no assets, no external debt. Greatest vector:
    // everyone pays 10 (each gets exactly 10: a tie, solvent). Least vector: nobody pays
    // (0 in, so 0 out is also a fixed point). So unique = false.
    Builder b;
    b.sheet("A", 0, 0).sheet("B", 0, 0).sheet("C", 0, 0);
    b.owes("A", "B", 10).owes("B", "C", 10).owes("C", "A", 10);
    const auto& net = b.network();
    const auto r = run_stress(net, shocks(net, {}), clearing());
    EXPECT_EQ(r.summary.defaults, 0u);
    for (const auto& e : r.entities) {
        EXPECT_DOUBLE_EQ(*e.payment, 10);
        EXPECT_DOUBLE_EQ(*e.equity, 0);
        EXPECT_EQ(e.status, EntityStatus::solvent);
    }
    EXPECT_EQ(r.summary.unique, false);
    EXPECT_EQ(*r.summary.residual, 0);
}

TEST(Clearing, UnevenCycleTieAfterARoundIsSolvent) {
    // A owes B 10, B owes C 20, C owes A 10; no assets. Round 0: A gets 10 = 10 (tie, solvent),
    // B gets 10 < 20 (default), C gets 20 >= 10. B pays 10 (all it gets): ratio 1/2.
    // Round 1: C gets exactly 20 * 1/2 = 10 = pbar_C: a tie, solvent. p = (10, 10, 10).
    // Least vector is 0, so not unique.
    Builder b;
    b.sheet("A", 0, 0).sheet("B", 0, 0).sheet("C", 0, 0);
    b.owes("A", "B", 10).owes("B", "C", 20).owes("C", "A", 10);
    const auto& net = b.network();
    const auto r = run_stress(net, shocks(net, {}), clearing());
    EXPECT_EQ(r.summary.defaults, 1u);
    EXPECT_DOUBLE_EQ(*outcome(r, net, "B").payment, 10);
    EXPECT_FALSE(outcome(r, net, "C").defaulted);
    EXPECT_DOUBLE_EQ(*outcome(r, net, "C").payment, 10);
    EXPECT_EQ(r.summary.unique, false);
}

TEST(Clearing, DefaultWithInflowCoveringObligationsIsNotADefault) {
    // --default wipes out external assets only (e = assets * (1 - 1)); an entity whose
    // receivables cover its obligations still pays in full: A owes C 5, B owes A 10.
    Builder b;
    b.sheet("A", 100, 0).sheet("B", 20, 0).sheet("C", 0, 0);
    b.owes("A", "C", 5).owes("B", "A", 10);
    const auto& net = b.network();
    const auto r = run_stress(net, shocks(net, {{"A", 1.0}}), clearing());
    EXPECT_FALSE(outcome(r, net, "A").defaulted);
    EXPECT_DOUBLE_EQ(*outcome(r, net, "A").equity, 5);  // 0 + 10 - 5
    EXPECT_EQ(outcome(r, net, "A").status, EntityStatus::distressed);  // was 105
    EXPECT_DOUBLE_EQ(*outcome(r, net, "C").recovery, 1);
    EXPECT_DOUBLE_EQ(*outcome(r, net, "C").obligations, 0);
}

TEST(Clearing, MissingFiguresNameEntityAndAttribute) {
    Builder b;
    b.sheet("A", 1, 1).entity("B", {5.0, {}, 2.0}).entity("C", {{}, -1.0, 0.0});
    try {
        (void)prepare(b.network(), clearing());
        FAIL() << "expected InputError";
    } catch (const InputError& e) {
        ASSERT_EQ(e.diagnostics().size(), 2u);
        EXPECT_EQ(e.diagnostics()[0].format(),
                  "entity B: assets is missing (clearing needs external assets, outside the "
                  "network)");
        EXPECT_EQ(e.diagnostics()[1].format(),
                  "entity C: assets = -$1 is negative (expected >= 0)");
    }
}

TEST(Clearing, AlphaBetaOutsideTheUnitIntervalAreInputErrors) {
    Builder b;
    b.sheet("A", 1, 1);
    try {
        (void)prepare(b.network(), clearing(0, 1.5));
        FAIL() << "expected InputError";
    } catch (const InputError& e) {
        ASSERT_EQ(e.diagnostics().size(), 2u);
        EXPECT_EQ(e.diagnostics()[0].format(),
                  "--alpha: 0 is outside (0,1] (the share of external assets recovered on "
                  "default)");
        EXPECT_EQ(e.diagnostics()[1].format(),
                  "--beta: 1.5 is outside (0,1] (the share of interbank receipts recovered on "
                  "default)");
    }
}

}  // namespace
}  // namespace crashchain
