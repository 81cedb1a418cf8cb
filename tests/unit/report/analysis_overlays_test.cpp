#include "report/analysis_overlays.hpp"

#include <gtest/gtest.h>

namespace crashchain {
namespace {

Contract contract(EntityIndex from, EntityIndex to, ContractKind kind, Dollars amount) {
    Contract c;
    c.from = from;
    c.to = to;
    c.kind = kind;
    c.amount = amount;
    return c;
}

// A -> B -> C -> A is the only cycle; D -> A hangs off it.
TEST(CycleOverlay, MarksExactlyTheCycleContractsAndBoxesTheComponent) {
    Network net;
    for (const char* id : {"A", "B", "C", "D"}) net.find_or_add(id);
    net.add_contract(contract(0, 1, ContractKind::equity, 100));    // 0: on the cycle
    net.add_contract(contract(1, 2, ContractKind::purchase, 300));  // 1: on the cycle
    net.add_contract(contract(2, 0, ContractKind::purchase, 40));   // 2: on the cycle
    net.add_contract(contract(3, 0, ContractKind::loan, 5));        // 3: not on a cycle
    const DiagramOverlay overlay =
        cycle_overlay(net, find_cycles(net, CycleOptions{}), strongly_connected(net));
    ASSERT_EQ(overlay.contracts.size(), 3u);
    EXPECT_TRUE(overlay.contracts.contains(0));
    EXPECT_TRUE(overlay.contracts.contains(1));
    EXPECT_TRUE(overlay.contracts.contains(2));
    // The circular group {A, B, C} is tinted; D is not in it.
    EXPECT_EQ(overlay.entities.size(), 3u);
    EXPECT_TRUE(overlay.entities.contains(0) && overlay.entities.contains(1) &&
                overlay.entities.contains(2));
    EXPECT_FALSE(overlay.entities.contains(3));
    // ... and drawn as one cluster, members sorted by id.
    ASSERT_EQ(overlay.groups.size(), 1u);
    EXPECT_EQ(overlay.groups[0].members, (std::vector<EntityIndex>{0, 1, 2}));
    EXPECT_EQ(overlay.groups[0].title, "circular group 1 (3 entities)");
    EXPECT_TRUE(overlay.fade_unmarked);
}

// B defaults. A lent B 100 (loan, lgd 0.6): X[A][B] = 60 >= C_A = 50, so A defaults in round 1.
// C holds equity 10 in A (lgd 1): loses 10 < C_C = 100, so C is distressed, not in default.
TEST(StressOverlay, ColoursRoundsAndMarksTheContractsThatTransmittedLosses) {
    Network net;
    for (const char* id : {"A", "B", "C"}) net.find_or_add(id);
    net.entity(0).capital = 50;
    net.entity(1).capital = 10;
    net.entity(2).capital = 100;
    net.add_contract(contract(0, 1, ContractKind::loan, 100));   // 0: A exposed to B
    net.add_contract(contract(2, 0, ContractKind::equity, 10));  // 1: C exposed to A
    net.add_contract(contract(1, 2, ContractKind::purchase, 1)); // 2: C exposed to B (lgd 0.3)
    StressOptions options;
    options.model = Model::furfine;
    const ShockVector shock{0.0, 1.0, 0.0};
    const StressResult result = run_stress(net, shock, options);
    const DiagramOverlay overlay = stress_overlay(net, result, options);
    ASSERT_TRUE(overlay.entities.contains(1));
    EXPECT_EQ(overlay.entities.at(1).round, 0u);
    ASSERT_TRUE(overlay.entities.contains(0));
    EXPECT_EQ(overlay.entities.at(0).round, 1u);
    EXPECT_EQ(overlay.entities.at(0).note, "lost $60");
    ASSERT_TRUE(overlay.entities.contains(2));
    EXPECT_FALSE(overlay.entities.at(2).round.has_value());  // distressed, not defaulted
    ASSERT_EQ(overlay.contracts.size(), 3u);
    EXPECT_EQ(overlay.contracts.at(0).label, "loan $100 × lgd 0.6");
    EXPECT_EQ(overlay.contracts.at(1).label, "equity $10 × lgd 1");
    EXPECT_EQ(overlay.contracts.at(2).label, "purchase $1 × lgd 0.3");
}

}  // namespace
}  // namespace crashchain
