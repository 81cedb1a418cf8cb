// Round trips against an independent maximum flow: Boost's edmonds_karp_max_flow on the
// contracts (not hops) with the entity split into a source and a new sink vertex.
#include <gtest/gtest.h>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/edmonds_karp_max_flow.hpp>

#include "circularity/round_trip.hpp"
#include "property/random_flow_network.hpp"
#include "synth/generator.hpp"

namespace crashchain {
namespace {

double boost_returns(const Network& net, EntityIndex x) {
    using Traits = boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
    using Graph = boost::adjacency_list<
        boost::vecS, boost::vecS, boost::directedS, boost::no_property,
        boost::property<boost::edge_capacity_t, double,
                        boost::property<boost::edge_residual_capacity_t, double,
                                        boost::property<boost::edge_reverse_t, Traits::edge_descriptor>>>>;
    const auto sink = static_cast<EntityIndex>(net.entity_count());
    Graph g(net.entity_count() + 1);
    auto capacity = boost::get(boost::edge_capacity, g);
    auto reverse = boost::get(boost::edge_reverse, g);
    for (const auto& c : net.contracts()) {
        const auto to = c.to == x ? sink : c.to;  // x's incoming contracts enter the sink
        const auto e = boost::add_edge(c.from, to, g).first;
        const auto r = boost::add_edge(to, c.from, g).first;
        capacity[e] = c.amount;
        capacity[r] = 0;
        reverse[e] = r;
        reverse[r] = e;
    }
    return boost::edmonds_karp_max_flow(g, x, sink);
}

void check(const Network& net) {
    const auto trips = round_trips(net);
    std::vector<double> inflow(net.entity_count(), 0), outflow(net.entity_count(), 0);
    for (const auto& c : net.contracts()) {
        inflow[c.to] += c.amount;
        outflow[c.from] += c.amount;
    }
    std::size_t listed = 0;
    for (EntityIndex e = 0; e < net.entity_count(); ++e) listed += outflow[e] > 0 ? 1 : 0;
    ASSERT_EQ(trips.size(), listed);
    for (std::size_t i = 0; i < trips.size(); ++i) {
        const auto& t = trips[i];
        EXPECT_NEAR(t.outflow, outflow[t.entity], 1e-12 * outflow[t.entity]);
        EXPECT_LE(t.returns, t.outflow);
        EXPECT_LE(t.returns, inflow[t.entity] * (1 + 1e-12));
        const double independent = boost_returns(net, t.entity);
        EXPECT_NEAR(t.returns, independent, 1e-9 * std::max(independent, 1.0)) << net.id(t.entity);
        if (i > 0) {
            const auto& p = trips[i - 1];
            EXPECT_TRUE(p.ratio > t.ratio || (p.ratio == t.ratio && net.id(p.entity) < net.id(t.entity)));
        }
    }
}

TEST(RoundTripProperty, SmallRandomNetworksMatchEdmondsKarp) {
    for (std::uint64_t seed = 0; seed < 200; ++seed) {
        const Network net = testing::random_flow_network(seed);
        SCOPED_TRACE("seed " + std::to_string(seed));
        check(net);
    }
}

TEST(RoundTripProperty, GeneratedNetworksMatchEdmondsKarp) {
    for (std::uint64_t seed = 1; seed <= 3; ++seed) {
        GeneratorOptions g;
        g.entities = 60;
        g.contracts = 400;
        g.seed = seed;
        g.self_loops = seed == 3;
        SCOPED_TRACE("seed " + std::to_string(seed));
        check(generate_network(g));
    }
}

}  // namespace
}  // namespace crashchain
