// The listing of found cycles (cycle_listing.hpp) on cycles given by hand: canonical rotation,
// SPEC 2 order decided past the packed key, repeats dropped, flat output.
#include "circularity/cycle_listing.hpp"

#include <gtest/gtest.h>

#include "circularity/index.hpp"
#include "unit/circularity/test_network.hpp"

namespace crashchain {
namespace {

using K = ContractKind;

// Entities E, D, C, B, A = indices 0..4; id ranks A 0, B 1, C 2, D 3, E 4.
// Contracts 0, 1: A -> B 2 and 3 (one hop of 5); 2: B -> C 5; 3: C -> D 5; 4: D -> E 5;
// 5: E -> A 5; 6: C -> E 5; 7: E -> D 5; 8: D -> A 5; 9: B -> A 7; 10: C -> C 9.
// Cycles: X = [A B C D E] and Y = [A B C E D] (bottleneck 5, volume 25), W = [A B]
// (bottleneck 5, volume 12), the self-loop [C] (9).
constexpr EntityIndex E = 0, D = 1, C = 2, B = 3, A = 4;

Network network() {
    return testing::make_network({"E", "D", "C", "B", "A"}, {{"A", "B", K::loan, 2},
                                                             {"A", "B", K::equity, 3},
                                                             {"B", "C", K::loan, 5},
                                                             {"C", "D", K::loan, 5},
                                                             {"D", "E", K::loan, 5},
                                                             {"E", "A", K::loan, 5},
                                                             {"C", "E", K::loan, 5},
                                                             {"E", "D", K::loan, 5},
                                                             {"D", "A", K::loan, 5},
                                                             {"B", "A", K::loan, 7},
                                                             {"C", "C", K::loan, 9}});
}

void push(detail::FoundCycles& found, const HopGraph& hops, std::vector<EntityIndex> nodes) {
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        found.nodes.push_back(nodes[i]);
        found.hops.push_back(*hops.find(nodes[i], nodes[(i + 1) % nodes.size()]));
    }
    found.offset.push_back(static_cast<std::uint32_t>(found.nodes.size()));
}

/// As a search could find them: not rotated, Y before X, X twice.
detail::FoundCycles found_cycles(const HopGraph& hops) {
    detail::FoundCycles found;
    push(found, hops, {E, D, A, B, C});  // Y
    push(found, hops, {C, D, E, A, B});  // X
    push(found, hops, {B, A});           // W
    push(found, hops, {D, E, A, B, C});  // X again
    push(found, hops, {C});
    return found;
}

TEST(CycleListing, PacksAsManyRanksAsFit) {
    // 2^20 entities: 20 bits a rank; lengths up to 8: 4 bits; (64 - 4) / 20 = 3 ranks.
    EXPECT_EQ(detail::CandidateList(1u << 20, 8).packed_ranks(), 3u);
    // 5 entities: 3 bits a rank (ranks 0..4); lengths up to 5: 3 bits; 61 / 3 = 20.
    EXPECT_EQ(detail::CandidateList(5, 8).packed_ranks(), 20u);
    // One entity: rank 0 still takes a bit; length 1 takes 1: 63.
    EXPECT_EQ(detail::CandidateList(1, 100).packed_ranks(), 63u);
}

TEST(CycleListing, OrderDecidedPastThePackedRanks) {
    const Network net = network();
    const CircularityIndex index = index_circularity(net);
    const auto found = found_cycles(index.hops);
    // With 3 packed ranks, X and Y tie on bottleneck, length and A B C: D before E decides.
    for (const std::size_t entities : {std::size_t{1} << 20, std::size_t{5}}) {
        detail::CandidateList list(entities, 8);
        list.add(found, 0, {}, index.hops, index.id_rank);
        CycleResult all;
        list.list(10, index.hops, all);
        // [C] 9; then bottleneck 5: W (length 2), X, Y; the second X is dropped.
        ASSERT_EQ(all.cycles.size(), 4u);
        EXPECT_EQ(all.nodes, (std::vector<EntityIndex>{C, A, B, A, B, C, D, E, A, B, C, E, D}));
    }
    detail::CandidateList list(std::size_t{1} << 20, 8);
    list.add(found, 0, {}, index.hops, index.id_rank);
    CycleResult top;
    list.list(3, index.hops, top);
    ASSERT_EQ(top.cycles.size(), 3u);
    EXPECT_EQ(top.nodes, (std::vector<EntityIndex>{C, A, B, A, B, C, D, E}));
    const std::vector<std::uint32_t> first{0, 1, 3}, length{1, 2, 5};
    const std::vector<Dollars> bottleneck{9, 5, 5}, volume{9, 12, 25};
    for (std::size_t k = 0; k < 3; ++k) {
        EXPECT_EQ(top.cycles[k].first, first[k]);
        EXPECT_EQ(top.cycles[k].length, length[k]);
        EXPECT_EQ(top.cycles[k].bottleneck, bottleneck[k]);
        EXPECT_EQ(top.cycles[k].volume, volume[k]);
    }
    EXPECT_EQ(top.hop_amount, (std::vector<Dollars>{9, 5, 7, 5, 5, 5, 5, 5}));
    // Hops C->C; A->B (contracts 0 and 1), B->A; A->B, B->C, C->D, D->E, E->A.
    EXPECT_EQ(top.hop_contracts, (std::vector<ContractIndex>{10, 0, 1, 9, 0, 1, 2, 3, 4, 5}));
    EXPECT_EQ(top.hop_first, (std::vector<std::uint32_t>{0, 1, 3, 4, 6, 7, 8, 9, 10}));
}

TEST(CycleListing, MinRankKeepsCyclesThroughSmallHops) {
    const Network net = network();
    const CircularityIndex index = index_circularity(net);
    const auto found = found_cycles(index.hops);
    // Every hop rank 0 but C -> C (5): from rank 1 on only [C] uses a hop that small.
    std::vector<std::uint32_t> hop_rank(index.hops.hop_count(), 0);
    hop_rank[*index.hops.find(C, C)] = 5;
    detail::CandidateList list(5, 8);
    list.add(found, 1, hop_rank, index.hops, index.id_rank);
    CycleResult result;
    list.list(10, index.hops, result);
    EXPECT_EQ(result.nodes, (std::vector<EntityIndex>{C}));
}

}  // namespace
}  // namespace crashchain
