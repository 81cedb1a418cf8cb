#include "circularity/circulation.hpp"

#include <gtest/gtest.h>

#include "unit/circularity/test_network.hpp"

namespace crashchain {
namespace {

using testing::make_network;
using K = ContractKind;

TEST(Circulation, SingleEntityHasNone) {
    const auto r = max_circulation(make_network({"A"}, {}));
    EXPECT_EQ(r.value, 0);
    EXPECT_EQ(r.total, 0);
    EXPECT_EQ(r.share, 0);  // SPEC 6: 0 when the total is 0
}

TEST(Circulation, SelfLoopCarriesItsFullAmount) {
    // A -> A 5 circulates in full; A -> B 7 cannot: value 5 of 12.
    const auto r = max_circulation(make_network({}, {{"A", "A", K::loan, 5}, {"A", "B", K::loan, 7}}));
    EXPECT_EQ(r.value, 5);
    EXPECT_EQ(r.total, 12);
    EXPECT_DOUBLE_EQ(r.share, 5.0 / 12.0);
    EXPECT_EQ(r.flow, (std::vector<Dollars>{5, 0}));
}

TEST(Circulation, TwoCycleCirculatesItsSmallerSideTwice) {
    // A -> B 10, B -> A 4: 4 goes round (on both contracts): value 8 of 14.
    const auto r = max_circulation(make_network({}, {{"A", "B", K::equity, 10}, {"B", "A", K::purchase, 4}}));
    EXPECT_NEAR(r.value, 8, 1e-12);
    EXPECT_EQ(r.total, 14);
    EXPECT_NEAR(r.flow[0], 4, 1e-12);
    EXPECT_NEAR(r.flow[1], 4, 1e-12);
}

TEST(Circulation, ThreeCycleOfTheArticle) {
    // Bottleneck 40 on each of three hops: 120 of 440.
    const auto r = max_circulation(make_network({}, {{"Nvidia", "OpenAI", K::equity, 100},
                                                     {"OpenAI", "Oracle", K::purchase, 300},
                                                     {"Oracle", "Nvidia", K::purchase, 40}}));
    EXPECT_NEAR(r.value, 120, 1e-12);
    EXPECT_EQ(r.total, 440);
    EXPECT_NEAR(r.share, 120.0 / 440.0, 1e-15);
}

TEST(Circulation, ParallelContractsShareTheirHopProRata) {
    // Hop A -> B = loan 3 + equity 2 = 5 against B -> A 10: 5 each way, 10 in all; the hop's 5
    // splits 3 and 2 (pro rata, here both in full).
    const auto r = max_circulation(make_network({}, {{"A", "B", K::loan, 3},
                                                     {"B", "A", K::purchase, 10},
                                                     {"A", "B", K::equity, 2}}));
    EXPECT_NEAR(r.value, 10, 1e-12);
    EXPECT_NEAR(r.flow[0], 3, 1e-12);
    EXPECT_NEAR(r.flow[1], 5, 1e-12);
    EXPECT_NEAR(r.flow[2], 2, 1e-12);
}

TEST(Circulation, BridgeCarriesNothing) {
    // A <-> B (1, 2): 2 x 1; C <-> D (3, 4): 2 x 3; the bridge B -> C 100 is on no cycle.
    const auto r = max_circulation(make_network({}, {{"A", "B", K::loan, 1}, {"B", "A", K::loan, 2},
                                                     {"C", "D", K::loan, 3}, {"D", "C", K::loan, 4},
                                                     {"B", "C", K::loan, 100}}));
    EXPECT_NEAR(r.value, 8, 1e-12);
    EXPECT_EQ(r.total, 110);
    EXPECT_EQ(r.flow[4], 0);
}

TEST(Circulation, DagHasNone) {
    const auto r = max_circulation(make_network({}, {{"A", "B", K::loan, 1}, {"B", "C", K::loan, 2},
                                                     {"A", "C", K::loan, 3}}));
    EXPECT_EQ(r.value, 0);
    EXPECT_EQ(r.share, 0);
    EXPECT_EQ(r.total, 6);
}

TEST(Circulation, LongerCycleBeatsTheGreedyShortOne) {
    // A -> B 10 is shared by [A, B] (B -> A 10) and [A, B, C] (B -> C 10, C -> A 10). With
    // x on B -> A and y on B -> C -> A, x + y <= 10 and the value is (x + y) + x + 2y = 2x + 3y:
    // at most 30 at y = 10, x = 0 (cancelling the 2-cycle first would stop at 20).
    const auto r = max_circulation(make_network({}, {{"A", "B", K::loan, 10}, {"B", "A", K::loan, 10},
                                                     {"B", "C", K::loan, 10}, {"C", "A", K::loan, 10}}));
    EXPECT_NEAR(r.value, 30, 1e-12);
    EXPECT_NEAR(r.flow[1], 0, 1e-12);
    EXPECT_NEAR(r.share, 0.75, 1e-15);
    EXPECT_NEAR(r.dual_bound, 30, 1e-9);
}

TEST(Circulation, FarDeficitAfterAPhaseIsStillReached) {
    // The solver takes every hop full and takes back g = c - f at 1 per unit per hop. X -> Y 2,
    // Y -> X 1: X must give back 1, at Y (1 hop). Z -> M -> N -> W 10 each, W -> Z 1: Z must
    // give back 9, at W, 3 hops away, so after the first phase (which serves Y) the nearest
    // deficit is still 2 away and the phase after the one-step potential update moves nothing:
    // the solver has to search again. Only the cycles carry flow: [X, Y] 1 on each of its 2
    // hops, [Z, M, N, W] 1 on each of its 4: value 6 of 2 + 1 + 3 * 10 + 1 = 34.
    const auto r = max_circulation(make_network(
        {}, {{"X", "Y", K::loan, 2}, {"Y", "X", K::loan, 1}, {"Z", "M", K::loan, 10},
             {"M", "N", K::loan, 10}, {"N", "W", K::loan, 10}, {"W", "Z", K::loan, 1}}));
    EXPECT_NEAR(r.value, 6, 1e-12);
    EXPECT_EQ(r.total, 34);
    EXPECT_EQ(r.flow, (std::vector<Dollars>{1, 1, 1, 1, 1, 1}));
    EXPECT_NEAR(r.dual_bound, 6, 1e-9);
}

}  // namespace
}  // namespace crashchain
