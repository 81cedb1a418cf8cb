#include "circularity/residual_arcs.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace crashchain::detail {
namespace {

// Arcs 0: 0->1 (5), 1: 1->2 (3), 2: 0->2 (2), 3: 2->0 (4), worked by hand:
// residual arcs per node: node 0 has arcs 0, 2 (forward) and 3 (back) -> 3; node 1 has arc 0
// (back) and 1 (forward) -> 2; node 2 has arcs 1, 2 (back) and 3 (forward) -> 3; so
// first = [0, 3, 5, 8] and the next free slots start at [0, 3, 5].
//   arc 0: forward slot 0 (node 0), back slot 3 (node 1); slots now [1, 4, 5]
//   arc 1: forward slot 4 (node 1), back slot 5 (node 2); slots now [1, 5, 6]
//   arc 2: forward slot 1 (node 0), back slot 6 (node 2); slots now [2, 5, 7]
//   arc 3: forward slot 7 (node 2), back slot 2 (node 0); slots now [3, 5, 8]
// slot:      0  1  2  3  4  5  6  7
// head:      1  2  2  0  2  1  0  0   (forward: the arc's head; back: its tail)
// reverse:   3  6  7  0  5  4  1  2
// back:      0  0  1  1  0  1  1  0
// room:      5  2  0  0  3  0  0  4
TEST(ResidualArcs, PairsForwardAndBackArcsInRowsByEndpoint) {
    const std::vector<CapacityArc> arcs{{0, 1, 5.0}, {1, 2, 3.0}, {0, 2, 2.0}, {2, 0, 4.0}};
    const ResidualArcs r = build_residual_arcs(3, arcs);
    EXPECT_EQ(r.first, (std::vector<std::uint32_t>{0, 3, 5, 8}));
    EXPECT_EQ(r.head, (std::vector<std::uint32_t>{1, 2, 2, 0, 2, 1, 0, 0}));
    EXPECT_EQ(r.reverse, (std::vector<std::uint32_t>{3, 6, 7, 0, 5, 4, 1, 2}));
    EXPECT_EQ(r.back, (std::vector<std::uint8_t>{0, 0, 1, 1, 0, 1, 1, 0}));
    EXPECT_EQ(r.room, (std::vector<double>{5, 2, 0, 0, 3, 0, 0, 4}));
    EXPECT_EQ(r.forward_of, (std::vector<std::uint32_t>{0, 4, 1, 7}));
}

// A node with no arc gets an empty row, and parallel arcs keep separate pairs in input order:
// 0->2 (1) and 0->2 (6) on 3 nodes: first = [0, 2, 2, 4]; forward slots 0, 1 and back slots
// 2, 3.
TEST(ResidualArcs, IsolatedNodeAndParallelArcs) {
    const std::vector<CapacityArc> arcs{{0, 2, 1.0}, {0, 2, 6.0}};
    const ResidualArcs r = build_residual_arcs(3, arcs);
    EXPECT_EQ(r.first, (std::vector<std::uint32_t>{0, 2, 2, 4}));
    EXPECT_EQ(r.head, (std::vector<std::uint32_t>{2, 2, 0, 0}));
    EXPECT_EQ(r.reverse, (std::vector<std::uint32_t>{2, 3, 0, 1}));
    EXPECT_EQ(r.back, (std::vector<std::uint8_t>{0, 0, 1, 1}));
    EXPECT_EQ(r.room, (std::vector<double>{1, 6, 0, 0}));
    EXPECT_EQ(r.forward_of, (std::vector<std::uint32_t>{0, 1}));
}

TEST(ResidualArcs, NoArcs) {
    const ResidualArcs r = build_residual_arcs(2, {});
    EXPECT_EQ(r.first, (std::vector<std::uint32_t>{0, 0, 0}));
    EXPECT_TRUE(r.head.empty());
    EXPECT_TRUE(r.forward_of.empty());
}

}  // namespace
}  // namespace crashchain::detail
