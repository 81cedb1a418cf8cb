#include "circularity/round_trip.hpp"

#include <gtest/gtest.h>

#include "unit/circularity/test_network.hpp"

namespace crashchain {
namespace {

using testing::make_network;
using K = ContractKind;

struct Row {
    std::string id;
    Dollars outflow;
    Dollars returns;
};

std::vector<Row> rows(const Network& net) {
    std::vector<Row> out;
    for (const auto& r : round_trips(net)) {
        EXPECT_DOUBLE_EQ(r.ratio, r.returns / r.outflow);
        out.push_back({net.id(r.entity), r.outflow, r.returns});
    }
    return out;
}

void expect_rows(const std::vector<Row>& got, const std::vector<Row>& expected) {
    ASSERT_EQ(got.size(), expected.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        EXPECT_EQ(got[i].id, expected[i].id) << "row " << i;
        EXPECT_NEAR(got[i].outflow, expected[i].outflow, 1e-12) << got[i].id;
        EXPECT_NEAR(got[i].returns, expected[i].returns, 1e-12) << got[i].id;
    }
}

TEST(RoundTrip, SingleEntityIsNotListed) { EXPECT_TRUE(rows(make_network({"A"}, {})).empty()); }

TEST(RoundTrip, SelfLoopReturnsItsAmount) {
    // A pays 5 to itself and 7 to B: 5 of 12 returns. B pays nothing: not listed.
    expect_rows(rows(make_network({}, {{"A", "A", K::loan, 5}, {"A", "B", K::loan, 7}})),
                {{"A", 12, 5}});
}

TEST(RoundTrip, TwoCycle) {
    // A -> B 10, B -> A 4: all of B's 4 returns (ratio 1); 4 of A's 10 (ratio 0.4).
    expect_rows(rows(make_network({}, {{"A", "B", K::equity, 10}, {"B", "A", K::purchase, 4}})),
                {{"B", 4, 4}, {"A", 10, 4}});
}

TEST(RoundTrip, ThreeCycleOfTheArticle) {
    // The 40 bottleneck returns to everyone: Oracle 40/40, Nvidia 40/100, OpenAI 40/300.
    expect_rows(rows(make_network({}, {{"Nvidia", "OpenAI", K::equity, 100},
                                       {"OpenAI", "Oracle", K::purchase, 300},
                                       {"Oracle", "Nvidia", K::purchase, 40}})),
                {{"Oracle", 40, 40}, {"Nvidia", 100, 40}, {"OpenAI", 300, 40}});
}

TEST(RoundTrip, SplitsAcrossSeveralRoutes) {
    // A -> B 5, A -> C 5, B -> A 3, C -> A 4, B -> C 10.
    // A: at most its inflow 3 + 4 = 7, reached by B -> A 3, B -> C 2, A -> C 2, C -> A 4.
    // B: at most its inflow A -> B 5: B -> A 3 -> B, and B -> C -> A 2 -> B: 5 of 13.
    // C: C -> A 4 -> C directly: 4 of 4.
    expect_rows(rows(make_network({}, {{"A", "B", K::loan, 5}, {"A", "C", K::loan, 5},
                                       {"B", "A", K::loan, 3}, {"C", "A", K::loan, 4},
                                       {"B", "C", K::loan, 10}})),
                {{"C", 4, 4}, {"A", 10, 7}, {"B", 13, 5}});
}

TEST(RoundTrip, BridgeOutflowNeverReturns) {
    // A <-> B (1, 2), C <-> D (3, 4), B -> C 100. A 1/1, C 3/3 (tie by id), D 3/4, B 1/102.
    expect_rows(rows(make_network({}, {{"A", "B", K::loan, 1}, {"B", "A", K::loan, 2},
                                       {"C", "D", K::loan, 3}, {"D", "C", K::loan, 4},
                                       {"B", "C", K::loan, 100}})),
                {{"A", 1, 1}, {"C", 3, 3}, {"D", 4, 3}, {"B", 102, 1}});
}

TEST(RoundTrip, DagReturnsNothing) {
    expect_rows(rows(make_network({}, {{"A", "B", K::loan, 1}, {"B", "C", K::loan, 2}})),
                {{"A", 1, 0}, {"B", 2, 0}});
}

}  // namespace
}  // namespace crashchain
