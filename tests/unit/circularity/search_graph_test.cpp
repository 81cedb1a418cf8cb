// The cycle search's graph, built by hand (search_graph.hpp): vertex order, arc order, and the
// ranks added later.
#include "circularity/search_graph.hpp"

#include <gtest/gtest.h>

#include "circularity/index.hpp"
#include "unit/circularity/test_network.hpp"

namespace crashchain {
namespace {

using detail::kNoRank;

// Entities given in the order D, B, A, C, E (indices 0..4). One component {A, B, C, D}:
// A -> D 9, D -> A 1, A -> B 5, B -> A 3, A -> C 5, C -> A 8, B -> C 4, a self-loop C -> C 6;
// E -> A 7 crosses components (nothing goes back to E), so it is on no cycle.
Network network() {
    return testing::make_network({"D", "B", "A", "C", "E"}, {{"A", "D", ContractKind::loan, 9},
                                                             {"D", "A", ContractKind::loan, 1},
                                                             {"A", "B", ContractKind::loan, 5},
                                                             {"B", "A", ContractKind::loan, 3},
                                                             {"A", "C", ContractKind::loan, 5},
                                                             {"C", "A", ContractKind::loan, 8},
                                                             {"B", "C", ContractKind::loan, 4},
                                                             {"C", "C", ContractKind::loan, 6},
                                                             {"E", "A", ContractKind::loan, 7}});
}

TEST(SearchGraph, HubsFirstAndArcsByDescendingAmount) {
    const Network net = network();
    const CircularityIndex index = index_circularity(net);
    const auto g = detail::build_search_graph(index.hops, index.components.label, index.id_rank);
    // Arcs on cycles, self-loop left out: in x out degree A 3x3 = 9, B 1x2 = 2, C 2x1 = 2,
    // D 1x1 = 1; B and C tie, B has the smaller id. E has no arc on a cycle: not a vertex.
    // Search vertices 0..3 = A, B, C, D = entities 2, 1, 3, 0.
    EXPECT_EQ(g.entity, (std::vector<EntityIndex>{2, 1, 3, 0}));
    // Hops on some cycle, the self-loop included: the 8 of the component.
    EXPECT_EQ(g.rank_count, 8u);
    // A: D 9, then B 5 and C 5 (tie: B's id first); B: C 4, A 3; C: A 8; D: A 1.
    EXPECT_EQ(g.out_begin, (std::vector<std::uint32_t>{0, 3, 5, 6, 7}));
    EXPECT_EQ(g.out_to, (std::vector<std::uint32_t>{3, 1, 2, 2, 0, 0, 0}));
    EXPECT_EQ(g.out_hop[0], *index.hops.find(2, 0));  // A -> D
    EXPECT_EQ(g.out_hop[4], *index.hops.find(1, 2));  // B -> A
    // In-arcs in order of their sources: A from B, C, D; B from A; C from A, B; D from A.
    EXPECT_EQ(g.in_begin, (std::vector<std::uint32_t>{0, 3, 4, 6, 7}));
    EXPECT_EQ(g.in_from, (std::vector<std::uint32_t>{1, 2, 3, 0, 0, 1, 0}));
    EXPECT_FALSE(g.ranked());
}

TEST(SearchGraph, RanksByDescendingAmountThenIds) {
    const Network net = network();
    const CircularityIndex index = index_circularity(net);
    const auto hop_rank = detail::rank_hops(index.hops, index.components.label, index.id_rank);
    const auto rank = [&](EntityIndex u, EntityIndex v) {
        return hop_rank[*index.hops.find(u, v)];
    };
    // A=2, B=1, C=3, D=0, E=4. A->D 9, C->A 8, C->C 6, A->B 5, A->C 5 (same source: B's id
    // first), B->C 4, B->A 3, D->A 1; E->A is on no cycle.
    EXPECT_EQ(rank(2, 0), 0u);
    EXPECT_EQ(rank(3, 2), 1u);
    EXPECT_EQ(rank(3, 3), 2u);
    EXPECT_EQ(rank(2, 1), 3u);
    EXPECT_EQ(rank(2, 3), 4u);
    EXPECT_EQ(rank(1, 3), 5u);
    EXPECT_EQ(rank(1, 2), 6u);
    EXPECT_EQ(rank(0, 2), 7u);
    EXPECT_EQ(rank(4, 2), kNoRank);

    auto g = detail::build_search_graph(index.hops, index.components.label, index.id_rank);
    detail::rank_search_graph(g, hop_rank);
    EXPECT_TRUE(g.ranked());
    // Out-arcs keep their order (it is the rank order): A: D 0, B 3, C 4; B: C 5, A 6; C: A 1;
    // D: A 7.
    EXPECT_EQ(g.out_rank, (std::vector<std::uint32_t>{0, 3, 4, 5, 6, 1, 7}));
    // In-arcs sorted by rank: A from C 1, B 6, D 7; B from A 3; C from A 4, B 5; D from A 0.
    EXPECT_EQ(g.in_from, (std::vector<std::uint32_t>{2, 1, 3, 0, 0, 1, 0}));
    EXPECT_EQ(g.in_rank, (std::vector<std::uint32_t>{1, 6, 7, 3, 4, 5, 0}));
}

}  // namespace
}  // namespace crashchain
