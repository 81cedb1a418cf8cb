#include "circularity/cycles.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "unit/circularity/test_network.hpp"

namespace crashchain {
namespace {

using testing::make_network;
using K = ContractKind;

struct Listed {
    std::vector<std::string> nodes;
    Dollars bottleneck;
    Dollars volume;
};

std::vector<Listed> listed(const Network& net, const CycleResult& result) {
    std::vector<Listed> out;
    for (const auto& c : result.cycles) {
        std::vector<std::string> ids;
        for (const auto e : result.nodes_of(c)) ids.push_back(net.id(e));
        out.push_back({ids, c.bottleneck, c.volume});
    }
    return out;
}

std::vector<std::vector<std::string>> listed_nodes(const Network& net, const CycleResult& r) {
    std::vector<std::vector<std::string>> out;
    for (const auto& l : listed(net, r)) out.push_back(l.nodes);
    return out;
}

TEST(Cycles, SingleEntityHasNone) {
    const Network net = make_network({"A"}, {});
    const auto result = find_cycles(net, {});
    EXPECT_TRUE(result.cycles.empty());
    EXPECT_FALSE(result.truncated);
}

TEST(Cycles, SelfLoopIsACycleOfOne) {
    const Network net = make_network({"A", "B"}, {{"A", "A", K::loan, 5}, {"A", "B", K::loan, 7}});
    const auto result = find_cycles(net, {});
    ASSERT_EQ(result.cycles.size(), 1u);
    const auto l = listed(net, result);
    EXPECT_EQ(l[0].nodes, std::vector<std::string>{"A"});
    EXPECT_EQ(l[0].bottleneck, 5);
    EXPECT_EQ(l[0].volume, 5);
    EXPECT_EQ(result.cycles[0].length, 1u);
    const auto kinds = hop_kinds(net, result.contracts_of(result.cycles[0], 0));
    EXPECT_EQ(kinds, std::vector<ContractKind>{K::loan});
}

TEST(Cycles, TwoCycleStartsAtSmallestId) {
    // B -> A purchase 4, A -> B equity 10: one cycle [A, B], bottleneck 4, volume 14.
    const Network net = make_network({"B", "A"}, {{"B", "A", K::purchase, 4}, {"A", "B", K::equity, 10}});
    const auto result = find_cycles(net, {});
    ASSERT_EQ(result.cycles.size(), 1u);
    const auto l = listed(net, result);
    EXPECT_EQ(l[0].nodes, (std::vector<std::string>{"A", "B"}));
    EXPECT_EQ(l[0].bottleneck, 4);
    EXPECT_EQ(l[0].volume, 14);
    EXPECT_EQ(hop_kinds(net, result.contracts_of(result.cycles[0], 0)),
              std::vector<ContractKind>{K::equity});
    EXPECT_EQ(hop_kinds(net, result.contracts_of(result.cycles[0], 1)),
              std::vector<ContractKind>{K::purchase});
}

TEST(Cycles, ThreeCycleOfTheArticle) {
    // Nvidia -> OpenAI equity 100, OpenAI -> Oracle purchase 300, Oracle -> Nvidia purchase 40.
    // "Nvidia" < "OpenAI" < "Oracle" byte-wise ('N' < 'O'; 'p' < 'r'): bottleneck 40, volume 440.
    const Network net = make_network({"Oracle", "OpenAI", "Nvidia"},
                                     {{"Oracle", "Nvidia", K::purchase, 40},
                                      {"Nvidia", "OpenAI", K::equity, 100},
                                      {"OpenAI", "Oracle", K::purchase, 300}});
    const auto result = find_cycles(net, {});
    ASSERT_EQ(result.cycles.size(), 1u);
    const auto l = listed(net, result);
    EXPECT_EQ(l[0].nodes, (std::vector<std::string>{"Nvidia", "OpenAI", "Oracle"}));
    EXPECT_EQ(l[0].bottleneck, 40);
    EXPECT_EQ(l[0].volume, 440);
}

TEST(Cycles, ParallelContractsAreOneHop) {
    // A -> B loan 3 and equity 2 form one hop of 5; B -> A purchase 10. One cycle, bottleneck 5,
    // volume 15, first hop kinds {equity, loan} (by name).
    const Network net = make_network({"A", "B"}, {{"A", "B", K::loan, 3},
                                                  {"B", "A", K::purchase, 10},
                                                  {"A", "B", K::equity, 2}});
    const auto result = find_cycles(net, {});
    ASSERT_EQ(result.cycles.size(), 1u);
    EXPECT_EQ(result.cycles[0].bottleneck, 5);
    EXPECT_EQ(result.cycles[0].volume, 15);
    EXPECT_EQ(hop_kinds(net, result.contracts_of(result.cycles[0], 0)),
              (std::vector<ContractKind>{K::equity, K::loan}));
    const auto on = result.contracts_on_cycles(net.contract_count());
    EXPECT_EQ(on, (std::vector<bool>{true, true, true}));
}

TEST(Cycles, TwoComponentsJoinedByABridge) {
    // A <-> B (1, 2) and C <-> D (3, 4), bridge B -> C 100 on no cycle.
    // [C, D]: bottleneck 3, volume 7; [A, B]: bottleneck 1, volume 3. Sorted by bottleneck.
    const Network net = make_network({}, {{"A", "B", K::loan, 1}, {"B", "A", K::loan, 2},
                                          {"C", "D", K::loan, 3}, {"D", "C", K::loan, 4},
                                          {"B", "C", K::loan, 100}});
    const auto result = find_cycles(net, {});
    const auto l = listed(net, result);
    ASSERT_EQ(l.size(), 2u);
    EXPECT_EQ(l[0].nodes, (std::vector<std::string>{"C", "D"}));
    EXPECT_EQ(l[0].bottleneck, 3);
    EXPECT_EQ(l[0].volume, 7);
    EXPECT_EQ(l[1].nodes, (std::vector<std::string>{"A", "B"}));
    EXPECT_EQ(l[1].volume, 3);
    const auto on = result.contracts_on_cycles(net.contract_count());
    EXPECT_EQ(on, (std::vector<bool>{true, true, true, true, false}));
}

TEST(Cycles, DagHasNone) {
    const Network net = make_network({}, {{"A", "B"}, {"B", "C"}, {"A", "C"}});
    EXPECT_TRUE(find_cycles(net, {}).cycles.empty());
}

TEST(Cycles, LengthBoundCutsAFourCycle) {
    // The 4-cycle A -> B -> C -> D -> A and the 2-cycle C <-> D (sharing the hop C -> D).
    const Network net = make_network({}, {{"A", "B", K::loan, 1}, {"B", "C", K::loan, 2},
                                          {"C", "D", K::loan, 3}, {"D", "A", K::loan, 4},
                                          {"D", "C", K::loan, 5}});
    CycleOptions options;
    options.max_length = 3;
    // Only [C, D] (bottleneck 3, volume 8) has at most 3 entities.
    EXPECT_EQ(listed_nodes(net, find_cycles(net, options)),
              (std::vector<std::vector<std::string>>{{"C", "D"}}));
    options.max_length = 4;
    // [C, D] bottleneck 3 first, then [A, B, C, D] bottleneck 1.
    EXPECT_EQ(listed_nodes(net, find_cycles(net, options)),
              (std::vector<std::vector<std::string>>{{"C", "D"}, {"A", "B", "C", "D"}}));
    options.max_length = 1;
    EXPECT_TRUE(find_cycles(net, options).cycles.empty());
}

// Complete digraph on A, B, C: A->B 50, B->A 40, B->C 10, C->B 60, A->C 30, C->A 20.
// Its 5 cycles: [A,B] min(50,40)=40; [A,C,B] A->C 30, C->B 60, B->A 40: 30 (volume 130);
// [A,C] min(30,20)=20; [B,C] min(10,60)=10; [A,B,C] A->B 50, B->C 10, C->A 20: 10 (volume 80).
// Sorted: bottleneck desc, then length asc ([B,C] before [A,B,C]).
Network triangle() {
    return make_network({"C", "B", "A"}, {{"A", "B", K::loan, 50}, {"B", "A", K::loan, 40},
                                          {"B", "C", K::loan, 10}, {"C", "B", K::loan, 60},
                                          {"A", "C", K::loan, 30}, {"C", "A", K::loan, 20}});
}

TEST(Cycles, SortedByBottleneckThenLength) {
    const Network net = triangle();
    const auto result = find_cycles(net, {});
    EXPECT_FALSE(result.truncated);
    const auto l = listed(net, result);
    EXPECT_EQ(listed_nodes(net, result),
              (std::vector<std::vector<std::string>>{
                  {"A", "B"}, {"A", "C", "B"}, {"A", "C"}, {"B", "C"}, {"A", "B", "C"}}));
    EXPECT_EQ(l[1].volume, 130);
    EXPECT_EQ(l[4].volume, 80);
}

TEST(Cycles, LimitTruncatesKeepingLargestBottlenecks) {
    const Network net = triangle();
    CycleOptions options;
    options.limit = 5;  // exactly as many as exist: not truncated
    EXPECT_FALSE(find_cycles(net, options).truncated);
    options.limit = 3;
    const auto result = find_cycles(net, options);
    EXPECT_TRUE(result.truncated);
    EXPECT_FALSE(result.timed_out);
    EXPECT_EQ(listed_nodes(net, result),
              (std::vector<std::vector<std::string>>{{"A", "B"}, {"A", "C", "B"}, {"A", "C"}}));
    options.limit = 1;
    EXPECT_EQ(listed_nodes(net, find_cycles(net, options)),
              (std::vector<std::vector<std::string>>{{"A", "B"}}));
}

TEST(Cycles, FirstFoundModeListsRealCyclesUpToLimit) {
    const Network net = triangle();
    CycleOptions options;
    options.limit = 2;
    options.largest_first = false;
    const auto result = find_cycles(net, options);
    EXPECT_TRUE(result.truncated);
    EXPECT_EQ(result.cycles.size(), 2u);
    EXPECT_GE(result.cycles[0].bottleneck, result.cycles[1].bottleneck);
}

TEST(Cycles, SelfLoopsCountTowardsTheLimit) {
    // Self-loops A 9, B 8 and the 2-cycle [A, B] with bottleneck 7: limit 2 keeps the loops.
    const Network net = make_network({}, {{"A", "A", K::loan, 9}, {"B", "B", K::loan, 8},
                                          {"A", "B", K::loan, 7}, {"B", "A", K::loan, 7}});
    CycleOptions options;
    options.limit = 2;
    const auto result = find_cycles(net, options);
    EXPECT_TRUE(result.truncated);
    EXPECT_EQ(listed_nodes(net, result),
              (std::vector<std::vector<std::string>>{{"A"}, {"B"}}));
}

TEST(Cycles, RejectsEmptyBounds) {
    const Network net = triangle();
    CycleOptions options;
    options.max_length = 0;
    EXPECT_THROW((void)find_cycles(net, options), std::invalid_argument);
    options = {};
    options.limit = 0;
    EXPECT_THROW((void)find_cycles(net, options), std::invalid_argument);
    options = {};
    options.time_limit = 0;
    EXPECT_THROW((void)find_cycles(net, options), std::invalid_argument);
}

}  // namespace
}  // namespace crashchain
