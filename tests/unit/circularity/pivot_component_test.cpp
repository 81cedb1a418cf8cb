#include "circularity/pivot_component.hpp"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

#include "support/edge_list_csr.hpp"

namespace crashchain {
namespace {

using Csr = test::EdgeListCsr;
using test::edge_list_csr;

std::vector<std::uint32_t> members(const PivotComponent& p, std::uint32_t n) {
    std::vector<std::uint32_t> out;
    for (std::uint32_t v = 0; v < n && !p.member.empty(); ++v) {
        if (has_bit(p.member, v)) out.push_back(v);
    }
    return out;
}

/// A cycle through 2k vertices visited as 0, k, 1, k+1, 2, ...: membership runs backwards
/// along it, and its indices go up and down at every step, so a sweep in either order adds
/// one or two vertices.
Csr zigzag_cycle(std::uint32_t k) {
    std::vector<std::uint32_t> order;
    for (std::uint32_t i = 0; i < k; ++i) {
        order.push_back(i);
        order.push_back(k + i);
    }
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
    for (std::size_t i = 0; i < order.size(); ++i) {
        edges.emplace_back(order[i], order[(i + 1) % order.size()]);
    }
    return edge_list_csr(2 * k, edges);
}

TEST(PivotComponent, CycleWithATailInAndOut) {
    // 0 -> 1 -> 2 -> 0, 2 -> 3, 4 -> 0. Vertex 2 has the most out-edges (2): the pivot. It
    // reaches 0, 1, 3 and itself; of those 0, 1, 2 reach it back. 4 is not reached.
    const Csr g = edge_list_csr(5, {{0, 1}, {1, 2}, {2, 0}, {2, 3}, {4, 0}});
    const PivotComponent p = pivot_component(g.offsets, g.targets);
    EXPECT_EQ(p.pivot, 2u);
    EXPECT_EQ(p.size, 3u);
    EXPECT_EQ(members(p, 5), (std::vector<std::uint32_t>{0, 1, 2}));
    for (std::uint32_t v : {0u, 1u, 2u, 3u}) EXPECT_TRUE(has_bit(p.reached, v)) << v;
    EXPECT_FALSE(has_bit(p.reached, 4));
}

TEST(PivotComponent, TiesGoToTheSmallestIndexAndALoneVertexIsItsOwnComponent) {
    // No edges: every out-degree is 0, so vertex 0 is the pivot, alone.
    const Csr g = edge_list_csr(3, {});
    const PivotComponent p = pivot_component(g.offsets, g.targets);
    EXPECT_EQ(p.pivot, 0u);
    EXPECT_EQ(p.size, 1u);
    EXPECT_EQ(members(p, 3), (std::vector<std::uint32_t>{0}));
}

TEST(PivotComponent, EmptyGraph) {
    const Csr g = edge_list_csr(0, {});
    EXPECT_EQ(pivot_component(g.offsets, g.targets).size, 0u);
}

TEST(PivotComponent, GivesUpWhenTheSweepsKeepAddingAndFinishesWithMore) {
    // 100 vertices in one zigzag cycle: 8 sweeps add at most ~16 of them.
    const Csr g = zigzag_cycle(50);
    EXPECT_EQ(pivot_component(g.offsets, g.targets).size, 0u);
    const PivotComponent patient = pivot_component(g.offsets, g.targets, 200);
    EXPECT_EQ(patient.size, 100u);
}

}  // namespace
}  // namespace crashchain
