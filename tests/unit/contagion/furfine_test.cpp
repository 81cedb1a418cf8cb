#include "contagion/furfine.hpp"

#include <gtest/gtest.h>

#include "contagion/stress.hpp"
#include "core/error.hpp"
#include "unit/contagion/builder.hpp"

namespace crashchain {
namespace {

using test::Builder;
using test::outcome;
using test::shocks;

StressOptions furfine() {
    StressOptions o;
    o.model = Model::furfine;
    return o;
}

TEST(Furfine, NullNetworkNeedsCapital) {
    // Shares of zero total capital are undefined: an input error, not a division by zero.
    EXPECT_THROW((void)run_stress(Network{}, {}, furfine()), InputError);
}

TEST(Furfine, SingleEntityDefaultsOnlyItself) {
    Builder b;
    b.capital("A", 7);
    const auto r = run_stress(b.network(), shocks(b.network(), {{"A", 1.0}}), furfine());
    EXPECT_TRUE(r.entities[0].defaulted);
    EXPECT_EQ(r.entities[0].round, 0);
    EXPECT_DOUBLE_EQ(*r.entities[0].loss, 7);
    EXPECT_EQ(r.summary.defaults, 1u);
    EXPECT_DOUBLE_EQ(*r.summary.capital_lost_share, 1.0);
}

TEST(Furfine, SelfLoopAndTwoCycle) {
    // A lends itself 1000 (ignored) and lends B 10 (X[A][B] = 6); B lends A 10 (X[B][A] = 6).
    // C_A = 5, C_B = 7. Default B: round 1 loss_A = 6 >= 5 -> A defaults; round 2 loss_B would
    // grow but B is already in default: loss_B = 1*7 + 6 = 13 (final loss counts A's default).
    Builder b;
    b.capital("A", 5).capital("B", 7);
    b.contract("A", "A", ContractKind::loan, 1000)
        .contract("A", "B", ContractKind::loan, 10)
        .contract("B", "A", ContractKind::loan, 10);
    const auto& net = b.network();
    const auto r = run_stress(net, shocks(net, {{"B", 1.0}}), furfine());
    EXPECT_EQ(outcome(r, net, "A").round, 1);
    EXPECT_DOUBLE_EQ(*outcome(r, net, "A").loss, 6);
    EXPECT_DOUBLE_EQ(*outcome(r, net, "B").loss, 13);
    EXPECT_DOUBLE_EQ(*outcome(r, net, "B").capital_lost, 7);
    EXPECT_DOUBLE_EQ(*r.summary.capital_lost, 12);
}

// The worked cascade (loans, lgd 0.6):
//   B lends A 10 -> X[B][A] = 6      C lends B 1  -> X[C][B] = 0.6
//   D lends B 50 -> X[D][B] = 30     D lends C 10 -> X[D][C] = 6
//   E lends A 10 with its own lgd 0 -> X[E][A] = 0
//   capital: A 10, B 5, C 0, D 100, E 0.
// --default A:
//   round 0: A defaults, loss_A = 10.
//   round 1: loss_B = 6 >= 5 -> B defaults; E has loss 0 and C = 0 but does not default
//            (SPEC 6: capital 0 defaults on a positive loss, not on a zero one).
//   round 2: loss_C = 0.6 > 0 = C_C -> C defaults; loss_D = 30 < 100.
//   round 3: loss_D = 30 + 6 = 36 < 100; nothing new: stop.
//   capital lost = 10 + 5 + 0 + 36 + 0 = 51 of 115.
class FurfineCascade : public ::testing::Test {
protected:
    FurfineCascade() {
        b.capital("A", 10).capital("B", 5).capital("C", 0).capital("D", 100).capital("E", 0);
        b.contract("B", "A", ContractKind::loan, 10)
            .contract("C", "B", ContractKind::loan, 1)
            .contract("D", "B", ContractKind::loan, 50)
            .contract("D", "C", ContractKind::loan, 10)
            .contract("E", "A", ContractKind::loan, 10, 0.0);
    }
    Builder b;
};

TEST_F(FurfineCascade, RoundsLossesAndSummary) {
    const auto& net = b.network();
    const auto r = run_stress(net, shocks(net, {{"A", 1.0}}), furfine());
    EXPECT_EQ(r.model, Model::furfine);
    EXPECT_EQ(outcome(r, net, "A").round, 0);
    EXPECT_EQ(outcome(r, net, "B").round, 1);
    EXPECT_EQ(outcome(r, net, "C").round, 2);
    EXPECT_FALSE(outcome(r, net, "D").round.has_value());
    EXPECT_FALSE(outcome(r, net, "E").round.has_value());
    EXPECT_DOUBLE_EQ(*outcome(r, net, "A").loss, 10);
    EXPECT_DOUBLE_EQ(*outcome(r, net, "B").loss, 6);
    EXPECT_DOUBLE_EQ(*outcome(r, net, "C").loss, 0.6);
    EXPECT_DOUBLE_EQ(*outcome(r, net, "D").loss, 36);
    EXPECT_DOUBLE_EQ(*outcome(r, net, "E").loss, 0);
    EXPECT_DOUBLE_EQ(*outcome(r, net, "C").capital_lost, 0);
    EXPECT_EQ(outcome(r, net, "D").status, EntityStatus::distressed);
    EXPECT_EQ(outcome(r, net, "E").status, EntityStatus::solvent);
    EXPECT_EQ(outcome(r, net, "C").status, EntityStatus::defaulted);
    EXPECT_EQ(r.summary.defaults, 3u);
    EXPECT_DOUBLE_EQ(*r.summary.capital_lost, 51);
    EXPECT_DOUBLE_EQ(*r.summary.capital_lost_share, 51.0 / 115.0);
    EXPECT_FALSE(r.summary.debtrank.has_value());
    EXPECT_FALSE(r.entities[0].h.has_value());
    ASSERT_EQ(r.rounds.size(), 3u);
    EXPECT_EQ(r.rounds[2].round, 2);
    EXPECT_EQ(r.rounds[2].defaults, std::vector<EntityIndex>{*net.find("C")});
    // D lost 30 through B and 6 through C: largest first.
    const auto& causes = outcome(r, net, "D").causes;
    ASSERT_EQ(causes.size(), 2u);
    EXPECT_EQ(causes[0].counterparty, *net.find("B"));
    EXPECT_DOUBLE_EQ(causes[0].loss, 30);
    EXPECT_DOUBLE_EQ(causes[1].loss, 6);
}

TEST_F(FurfineCascade, PartialShockDefaultsNobody) {
    // --shock D=0.5: round 0 loss_D = 50 < 100; no default, so no round 1 losses.
    const auto& net = b.network();
    const auto r = run_stress(net, shocks(net, {{"D", 0.5}}), furfine());
    EXPECT_EQ(r.summary.defaults, 0u);
    EXPECT_DOUBLE_EQ(*outcome(r, net, "D").loss, 50);
    EXPECT_EQ(outcome(r, net, "D").status, EntityStatus::distressed);
    EXPECT_DOUBLE_EQ(*r.summary.capital_lost, 50);
    EXPECT_TRUE(r.rounds.empty());
}

TEST_F(FurfineCascade, LgdOverrideChangesTheCascade) {
    // --lgd loan=0.4: X[B][A] = 4 < 5, so B survives and the cascade stops at A.
    const auto& net = b.network();
    StressOptions o = furfine();
    o.lgd_override[static_cast<std::size_t>(ContractKind::loan)] = 0.4;
    const auto r = run_stress(net, shocks(net, {{"A", 1.0}}), o);
    EXPECT_EQ(r.summary.defaults, 1u);
    EXPECT_DOUBLE_EQ(*outcome(r, net, "B").loss, 4);
    // E's own lgd 0 still wins over --lgd loan=0.4 (SPEC 6).
    EXPECT_DOUBLE_EQ(*outcome(r, net, "E").loss, 0);
}

TEST_F(FurfineCascade, RunnerReuseMatchesFreshRuns) {
    // Buffers are reset sparsely between runs: a second run must not see the first.
    const auto& net = b.network();
    const PreparedNetwork prepared = prepare(net, furfine());
    StressRunner runner(prepared);
    const auto shock_a = sparse_shock(shocks(net, {{"A", 1.0}}));
    const auto shock_d = sparse_shock(shocks(net, {{"D", 0.25}}));
    (void)runner.run(shock_a);
    const StressDigest& d = runner.run(shock_d);
    EXPECT_TRUE(d.defaulted.empty());
    EXPECT_DOUBLE_EQ(d.capital_lost, 25);
    const StressDigest& again = runner.run(shock_a);
    EXPECT_EQ(again.defaulted.size(), 3u);
    EXPECT_DOUBLE_EQ(again.capital_lost, 51);
    ASSERT_EQ(again.losses.size(), 3u);  // A 10, B 5, D 36 (C lost 0 of 0)
    EXPECT_DOUBLE_EQ(again.losses[2].second, 36);
}

TEST_F(FurfineCascade, AnEntityListedTwiceIsShockedOnce) {
    const auto& net = b.network();
    const PreparedNetwork prepared = prepare(net, furfine());
    StressRunner runner(prepared);
    const EntityIndex a = *net.find("A");
    const std::vector<Shock> twice{{a, 1.0}, {a, 1.0}};
    EXPECT_DOUBLE_EQ(runner.run(twice).capital_lost, 51);  // not 51 + a second round of losses
}

TEST(Furfine, MissingOrNegativeCapitalNamesTheEntity) {
    Builder b;
    b.capital("A", 1).entity("B").entity("C", {{}, 5.0, 8.0});
    b.owes("A", "B", 1);
    try {
        (void)prepare(b.network(), furfine());
        FAIL() << "expected InputError";
    } catch (const InputError& e) {
        ASSERT_EQ(e.diagnostics().size(), 2u);
        EXPECT_EQ(e.diagnostics()[0].format(),
                  "entity B: capital is missing (furfine needs capital, or assets and liabilities)");
        EXPECT_EQ(e.diagnostics()[1].format(),
                  "entity C: capital = assets - liabilities = -$3 is negative (expected >= 0: "
                  "give capital explicitly or fix the balance sheet)");
    }
}

TEST(Furfine, CapitalDerivedFromTheBalanceSheet) {
    // C_B = assets - liabilities = 10 - 4 = 6; X[B][A] = 10 * 0.6 = 6 >= 6 -> B defaults.
    Builder b;
    b.capital("A", 1).entity("B", {{}, 10.0, 4.0});
    b.contract("B", "A", ContractKind::loan, 10);
    const auto& net = b.network();
    const auto r = run_stress(net, shocks(net, {{"A", 1.0}}), furfine());
    EXPECT_EQ(outcome(r, net, "B").round, 1);
    EXPECT_DOUBLE_EQ(*outcome(r, net, "B").capital, 6);
}

TEST(Furfine, ZeroTotalCapitalIsAnInputError) {
    Builder b;
    b.capital("A", 0).capital("B", 0);
    try {
        (void)prepare(b.network(), furfine());
        FAIL() << "expected InputError";
    } catch (const InputError& e) {
        EXPECT_STREQ(e.what(),
                     "furfine needs total capital > 0 (every entity has capital 0), to weigh "
                     "losses as shares of the system's capital");
    }
}

}  // namespace
}  // namespace crashchain
