// Circulation invariants on random networks, and the value against an independent solver:
// Boost's cycle_canceling (Bellman-Ford negative cycles) on the contracts, not the hops.
#include <gtest/gtest.h>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/cycle_canceling.hpp>
#include <cmath>

#include "circularity/circulation.hpp"
#include "property/random_flow_network.hpp"
#include "synth/generator.hpp"

namespace crashchain {
namespace {

double boost_max_circulation(const Network& net) {
    using Traits = boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
    using Graph = boost::adjacency_list<
        boost::vecS, boost::vecS, boost::directedS, boost::no_property,
        boost::property<boost::edge_capacity_t, double,
                        boost::property<boost::edge_residual_capacity_t, double,
                                        boost::property<boost::edge_reverse_t, Traits::edge_descriptor,
                                                        boost::property<boost::edge_weight_t, double>>>>>;
    Graph g(net.entity_count());
    auto capacity = boost::get(boost::edge_capacity, g);
    auto residual = boost::get(boost::edge_residual_capacity, g);
    auto reverse = boost::get(boost::edge_reverse, g);
    auto weight = boost::get(boost::edge_weight, g);
    std::vector<Traits::edge_descriptor> forward;
    double loops = 0;
    for (const auto& c : net.contracts()) {
        if (c.from == c.to) {
            loops += c.amount;
            continue;
        }
        const auto e = boost::add_edge(c.from, c.to, g).first;
        const auto r = boost::add_edge(c.to, c.from, g).first;
        capacity[e] = residual[e] = c.amount;
        capacity[r] = residual[r] = 0;
        weight[e] = -1;
        weight[r] = 1;
        reverse[e] = r;
        reverse[r] = e;
        forward.push_back(e);
    }
    boost::cycle_canceling(g);
    double value = loops;
    for (const auto e : forward) value += capacity[e] - residual[e];
    return value;
}

void expect_valid(const Network& net, const CirculationResult& r) {
    std::vector<double> balance(net.entity_count(), 0), scale(net.entity_count(), 0);
    double total = 0, value = 0;
    for (ContractIndex c = 0; c < net.contract_count(); ++c) {
        const auto& contract = net.contract(c);
        EXPECT_GE(r.flow[c], 0);
        EXPECT_LE(r.flow[c], contract.amount);
        balance[contract.from] -= r.flow[c];
        balance[contract.to] += r.flow[c];
        scale[contract.from] += contract.amount;
        scale[contract.to] += contract.amount;
        total += contract.amount;
        value += r.flow[c];
    }
    for (EntityIndex e = 0; e < net.entity_count(); ++e) {
        EXPECT_LE(std::abs(balance[e]), 1e-9 * std::max(scale[e], 1.0)) << net.id(e);
    }
    EXPECT_NEAR(r.value, value, 1e-12 * std::max(value, 1.0));
    EXPECT_NEAR(r.total, total, 1e-12 * total);
    EXPECT_LE(r.value, r.dual_bound * (1 + 1e-12) + 1e-9);
    EXPECT_LE(r.dual_bound - r.value, 1e-9 * std::max(r.dual_bound, 1.0));
}

TEST(CirculationProperty, SmallRandomNetworksMatchCycleCanceling) {
    for (std::uint64_t seed = 0; seed < 300; ++seed) {
        const Network net = testing::random_flow_network(seed);
        SCOPED_TRACE("seed " + std::to_string(seed));
        const auto r = max_circulation(net);
        expect_valid(net, r);
        const double independent = boost_max_circulation(net);
        EXPECT_NEAR(r.value, independent, 1e-9 * std::max(independent, 1.0));
        const auto simplex = max_circulation(net, index_circularity(net),
                                             CirculationSolver::network_simplex);
        expect_valid(net, simplex);
        EXPECT_NEAR(simplex.value, independent, 1e-9 * std::max(independent, 1.0));
    }
}

TEST(CirculationProperty, MixedMagnitudesAndDenseMultigraphsMatchCycleCanceling) {
    // Amounts from 1 to 1e9 in one network, and graphs dense enough (up to 16 entities,
    // 120 contracts: many parallel contracts, self-loops, long augmenting paths) that the
    // solver relabels dead ends; the value must still equal Boost's cycle canceling.
    for (std::uint64_t seed = 0; seed < 60; ++seed) {
        const Network net = seed % 3 == 0
                                ? testing::random_flow_network(seed, 8, 24, true)
                                : testing::random_flow_network(seed, 16, 120, seed % 3 == 1);
        SCOPED_TRACE("seed " + std::to_string(seed));
        const auto r = max_circulation(net);
        expect_valid(net, r);
        const double independent = boost_max_circulation(net);
        EXPECT_NEAR(r.value, independent, 1e-9 * std::max(independent, 1.0));
    }
}

TEST(CirculationProperty, GeneratedNetworksAreFeasibleAndCertified) {
    for (std::uint64_t seed = 1; seed <= 3; ++seed) {
        GeneratorOptions g;
        g.entities = 300;
        g.contracts = 3000;
        g.seed = seed;
        g.self_loops = seed == 2;
        const Network net = generate_network(g);
        const auto r = max_circulation(net);
        expect_valid(net, r);
        EXPECT_GT(r.value, 0);
        const auto simplex = max_circulation(net, index_circularity(net),
                                             CirculationSolver::network_simplex);
        EXPECT_NEAR(simplex.value, r.value, 1e-9 * r.value);
    }
}

TEST(CirculationProperty, GeneratedNetworkMatchesCycleCanceling) {
    GeneratorOptions g;  // small: cycle canceling runs Bellman-Ford once per cancelled cycle
    g.entities = 40;
    g.contracts = 200;
    g.seed = 5;
    g.self_loops = true;
    const Network net = generate_network(g);
    const auto r = max_circulation(net);
    expect_valid(net, r);
    EXPECT_GT(r.value, 0);
    const double independent = boost_max_circulation(net);
    EXPECT_NEAR(r.value, independent, 1e-9 * independent);
}

}  // namespace
}  // namespace crashchain
