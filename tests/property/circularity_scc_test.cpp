// Property tests of the hand-written SCC search (Pearce's iterative Tarjan) against Boost.Graph's
// strong_components on the same edges: the two partitions must be identical, and the labels
// must come in reverse topological order (no edge from a lower label to a higher one).
#include <gtest/gtest.h>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>
#include <map>

#include "circularity/index.hpp"
#include "circularity/pearce_scc.hpp"
#include "support/edge_list_csr.hpp"
#include "synth/generator.hpp"

namespace crashchain {
namespace {

using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;

using Csr = test::EdgeListCsr;

/// Same partition: a bijection between the two labellings.
void expect_same_partition(const std::vector<std::uint32_t>& a, std::uint32_t a_count,
                           const std::vector<int>& b, int b_count) {
    ASSERT_EQ(a.size(), b.size());
    ASSERT_EQ(static_cast<int>(a_count), b_count);
    std::map<std::uint32_t, int> forward;
    std::map<int, std::uint32_t> backward;
    for (std::size_t v = 0; v < a.size(); ++v) {
        ASSERT_LT(a[v], a_count);
        const auto [f, f_new] = forward.emplace(a[v], b[v]);
        const auto [g, g_new] = backward.emplace(b[v], a[v]);
        ASSERT_EQ(f->second, b[v]) << "vertex " << v;
        ASSERT_EQ(g->second, a[v]) << "vertex " << v;
    }
}

void check(std::uint32_t n, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& edges) {
    const Csr csr = test::edge_list_csr(n, edges);
    const ComponentLabels ours = pearce_components(csr.offsets, csr.targets);
    BoostGraph graph(n);
    for (const auto& e : edges) boost::add_edge(e.first, e.second, graph);
    std::vector<int> theirs(n);
    const int count = n == 0 ? 0 : boost::strong_components(graph, theirs.data());
    expect_same_partition(ours.label, ours.count, theirs, count);
    // Tarjan completes a component only after every component it reaches.
    for (const auto& e : edges) EXPECT_GE(ours.label[e.first], ours.label[e.second]);
}

TEST(SccProperty, RandomGraphsMatchBoost) {
    SplitMix64 random{2024};
    for (int trial = 0; trial < 500; ++trial) {
        const auto n = static_cast<std::uint32_t>(random.next() % 40);
        const std::size_t m = n == 0 ? 0 : random.next() % (3 * n + 1);
        std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
        for (std::size_t k = 0; k < m; ++k) {
            edges.emplace_back(static_cast<std::uint32_t>(random.next() % n),
                               static_cast<std::uint32_t>(random.next() % n));
        }
        check(n, edges);
    }
}

TEST(SccProperty, LongPathAndLongCycleNeedNoRecursion) {
    // 200,000 vertices in a chain, then closed into one cycle: a recursive DFS would overflow.
    constexpr std::uint32_t n = 200'000;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
    for (std::uint32_t v = 0; v + 1 < n; ++v) edges.emplace_back(v, v + 1);
    const Csr path = test::edge_list_csr(n, edges);
    EXPECT_EQ(pearce_components(path.offsets, path.targets).count, n);
    edges.emplace_back(n - 1, 0);
    const Csr cycle = test::edge_list_csr(n, edges);
    EXPECT_EQ(pearce_components(cycle.offsets, cycle.targets).count, 1u);
}

TEST(SccProperty, GeneratedNetworkContractsAndHopsAgreeWithBoost) {
    GeneratorOptions options;
    options.entities = 3000;
    options.contracts = 12000;
    options.seed = 7;
    const Network net = generate_network(options);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
    for (const auto& c : net.contracts()) edges.emplace_back(c.from, c.to);
    check(static_cast<std::uint32_t>(net.entity_count()), edges);
    // The index searches the hops; the same partition must come out.
    const ComponentLabels from_contracts = strong_component_labels(net);
    const CircularityIndex index = index_circularity(net);
    std::vector<int> as_int(index.components.label.begin(), index.components.label.end());
    expect_same_partition(from_contracts.label, from_contracts.count, as_int,
                          static_cast<int>(index.components.count));
}

TEST(SccProperty, ZigzagCycleWhereThePivotSearchGivesUp) {
    // One cycle through 0, 50, 1, 51, ...: the reachability sweeps give up on it (see
    // pivot_component_test.cpp) and the depth-first search alone finds the one component;
    // then the same cycle with a second component hanging off it on each side.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
    std::vector<std::uint32_t> order;
    for (std::uint32_t i = 0; i < 50; ++i) {
        order.push_back(i);
        order.push_back(50 + i);
    }
    for (std::size_t i = 0; i < order.size(); ++i) {
        edges.emplace_back(order[i], order[(i + 1) % order.size()]);
    }
    check(100, edges);
    edges.emplace_back(100, 101);
    edges.emplace_back(101, 100);
    edges.emplace_back(101, 7);
    edges.emplace_back(7, 102);
    edges.emplace_back(102, 103);
    edges.emplace_back(103, 102);
    check(104, edges);
}

TEST(SccProperty, GeneratedNetworksWithAGiantComponentMatchBoost) {
    // The reachability path (a giant pivot component, the rest by depth-first search) on
    // heavy-tailed generated networks of a few hundred entities.
    for (std::uint64_t seed = 1; seed <= 6; ++seed) {
        GeneratorOptions g;
        g.entities = 150 * seed;
        g.contracts = 4 * g.entities;
        g.seed = seed;
        const Network net = generate_network(g);
        std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
        for (const Contract& c : net.contracts()) edges.emplace_back(c.from, c.to);
        check(static_cast<std::uint32_t>(net.entity_count()), edges);
    }
}

}  // namespace
}  // namespace crashchain
