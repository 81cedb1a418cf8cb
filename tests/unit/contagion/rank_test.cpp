#include "scenario/rank.hpp"

#include <gtest/gtest.h>

#include "synth/generator.hpp"
#include "unit/contagion/builder.hpp"

namespace crashchain {
namespace {

using test::Builder;

StressOptions with(Model model) {
    StressOptions o;
    o.model = model;
    return o;
}

TEST(Rank, NullNetworkRanksNothing) {
    const Network empty;
    PreparedNetwork prepared = prepare(empty, with(Model::clearing));
    const auto r = rank_entities(empty, prepared, {});
    EXPECT_TRUE(r.entries.empty());
}

// Furfine on a chain A <- B <- C with capital 5 each and loans of 10 (X = 6 >= 5):
//   A alone: B (round 1), C (round 2) default -> 2 caused; capital lost 15 of 15; impact 10/15.
//   B alone: C defaults -> 1 caused; impact 5/15.   C alone: nobody; impact 0.
//   Vulnerability: A 0, B 1 (A), C 2 (A, B).
TEST(Rank, FurfineChainByHand) {
    Builder b;
    b.capital("A", 5).capital("B", 5).capital("C", 5);
    b.contract("B", "A", ContractKind::loan, 10).contract("C", "B", ContractKind::loan, 10);
    const auto& net = b.network();
    const auto prepared = prepare(net, with(Model::furfine));
    const auto r = rank_entities(net, prepared, {});
    ASSERT_EQ(r.entries.size(), 3u);
    EXPECT_EQ(net.id(r.entries[0].entity), "A");
    EXPECT_EQ(r.entries[0].defaults_caused, 2u);
    EXPECT_DOUBLE_EQ(r.entries[0].capital_lost_share, 1.0);
    EXPECT_DOUBLE_EQ(r.entries[0].impact, 10.0 / 15.0);
    EXPECT_EQ(r.entries[0].vulnerability, 0u);
    EXPECT_EQ(net.id(r.entries[1].entity), "B");
    EXPECT_EQ(r.entries[1].vulnerability, 1u);
    EXPECT_EQ(net.id(r.entries[2].entity), "C");
    EXPECT_EQ(r.entries[2].defaults_caused, 0u);
    EXPECT_EQ(r.entries[2].vulnerability, 2u);
    EXPECT_FALSE(r.entries[2].debtrank.has_value());
    const auto top = rank_entities(net, prepared, {1, 1});
    ASSERT_EQ(top.entries.size(), 1u);
    EXPECT_EQ(net.id(top.entries[0].entity), "A");
}

TEST(Rank, TiesGoByIdAndImpactIsDebtRank) {
    // Two isolated entities: no impact either way; order by id.
    Builder b;
    b.capital("zeta", 1).capital("alpha", 3);
    const auto& net = b.network();
    const auto prepared = prepare(net, with(Model::debtrank));
    const auto r = rank_entities(net, prepared, {});
    ASSERT_EQ(r.entries.size(), 2u);
    EXPECT_EQ(net.id(r.entries[0].entity), "alpha");
    EXPECT_DOUBLE_EQ(r.entries[0].capital_lost_share, 0.75);
    EXPECT_EQ(r.entries[0].debtrank, 0.0);
}

TEST(Rank, SameResultForAnyThreadCount) {
    GeneratorOptions g;
    g.entities = 300;
    g.contracts = 2400;
    g.seed = 11;
    const Network net = generate_network(g);
    for (Model model : {Model::furfine, Model::debtrank, Model::linear_debtrank, Model::clearing}) {
        SCOPED_TRACE(std::string(to_string(model)));
        const auto prepared = prepare(net, with(model));
        const auto one = rank_entities(net, prepared, {0, 1});
        const auto four = rank_entities(net, prepared, {0, 4});
        ASSERT_EQ(one.entries.size(), four.entries.size());
        for (std::size_t k = 0; k < one.entries.size(); ++k) {
            const auto& a = one.entries[k];
            const auto& c = four.entries[k];
            EXPECT_EQ(a.entity, c.entity);
            EXPECT_EQ(a.defaults_caused, c.defaults_caused);
            EXPECT_EQ(a.vulnerability, c.vulnerability);
            // Bitwise equal, not just close: each run is the same sequential computation.
            EXPECT_EQ(a.capital_lost, c.capital_lost);
            EXPECT_EQ(a.impact, c.impact);
            EXPECT_EQ(a.shortfall, c.shortfall);
        }
        // Total vulnerability counts every caused default once.
        std::size_t caused = 0, vulnerable = 0;
        for (const auto& e : one.entries) {
            caused += e.defaults_caused;
            vulnerable += e.vulnerability;
        }
        EXPECT_EQ(caused, vulnerable);
    }
}

}  // namespace
}  // namespace crashchain
