#include "scenario/scenario_losses.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "scenario/run_scenario.hpp"
#include "unit/scenario/small_network.hpp"

namespace crashchain {
namespace {

using testing::four_entities;
// Entity order in four_entities(): Lab 0, Chip 1, Cloud 2, Fund 3.
constexpr EntityIndex kLab = 0, kChip = 1, kCloud = 2, kFund = 3;

ShockLosses losses_of(const Network& network, std::string_view shocks,
                      const StressOptions& options = {}) {
    const std::string text = "{\"stages\":[{\"shocks\":[" + std::string(shocks) + "]}]}";
    return stage_losses(network, parse_scenario(text, "s.json", network).stages[0], options);
}

TEST(StageLosses, DefaultAndCapital) {
    const Network network = four_entities();
    const ShockLosses l = losses_of(network, R"({"type":"default","entity":"Lab"},
                                              {"type":"capital","entity":"Cloud","fraction":0.5})");
    EXPECT_EQ(l.defaulted, (std::vector<bool>{true, false, false, false}));
    EXPECT_EQ(l.loss[kLab], 0.0);
    EXPECT_DOUBLE_EQ(l.loss[kCloud], 12.5);  // 0.5 * C 25
}

TEST(StageLosses, ValuationHitsTheHoldersOfEquityInTheTargets) {
    const Network network = four_entities();
    // Chip holds 100 and Fund 10 of Lab equity: a 40% fall costs them 40 and 4.
    ShockLosses l = losses_of(network, R"({"type":"valuation","fraction":0.4,"entities":["Lab"]})");
    EXPECT_DOUBLE_EQ(l.loss[kChip], 40);
    EXPECT_DOUBLE_EQ(l.loss[kFund], 4);
    EXPECT_EQ(l.loss[kLab], 0);
    l = losses_of(network, R"({"type":"valuation","fraction":0.4,"entity_types":["lab"]})");
    EXPECT_DOUBLE_EQ(l.loss[kChip], 40);
    // No equity in Cloud or Chip exists: nothing lost.
    l = losses_of(network, R"({"type":"valuation","fraction":0.4,"entities":["Cloud","Chip"]})");
    EXPECT_EQ(l.loss, (std::vector<Dollars>{0, 0, 0, 0}));
    // All equity: same two holdings.
    l = losses_of(network, R"({"type":"valuation","fraction":0.5})");
    EXPECT_DOUBLE_EQ(l.loss[kChip], 50);
    EXPECT_DOUBLE_EQ(l.loss[kFund], 5);
}

TEST(StageLosses, SlowdownHitsTheExposedPartyAtLgd) {
    const Network network = four_entities();
    // purchase Lab->Cloud 300: Cloud loses 300*0.5*0.3 = 45; lease Lab->Cloud 50 (lgd 0.2):
    // Cloud loses 5; purchase Cloud->Chip 40: Chip loses 6. The loan is not a commitment.
    ShockLosses l = losses_of(network, R"({"type":"slowdown","fraction":0.5})");
    EXPECT_DOUBLE_EQ(l.loss[kCloud], 50);
    EXPECT_DOUBLE_EQ(l.loss[kChip], 6);
    EXPECT_EQ(l.loss[kFund], 0);
    // --lgd purchase=0.5 overrides the kind default but not the lease's own lgd:
    // Cloud 300*0.5*0.5 + 5 = 80, Chip 40*0.5*0.5 = 10.
    StressOptions options;
    options.lgd_override[static_cast<std::size_t>(ContractKind::purchase)] = 0.5;
    l = losses_of(network, R"({"type":"slowdown","fraction":0.5})", options);
    EXPECT_DOUBLE_EQ(l.loss[kCloud], 80);
    EXPECT_DOUBLE_EQ(l.loss[kChip], 10);
    // Loans: the lender is exposed, 20 * 0.25 * 0.6 = 3.
    l = losses_of(network, R"({"type":"slowdown","fraction":0.25,"kinds":["loan"]})");
    EXPECT_DOUBLE_EQ(l.loss[kFund], 3);
    EXPECT_EQ(l.loss[kCloud], 0);
}

TEST(StageLosses, HardwareWriteDowns) {
    const Network network = four_entities();
    ShockLosses l = losses_of(
        network, R"({"type":"hardware","fraction":0.8,"entity_types":["cloud","chipmaker"]})");
    EXPECT_EQ(l.loss, (std::vector<Dollars>{0, 8, 48, 0}));  // 0.8 * 10, 0.8 * 60
    l = losses_of(network, R"({"type":"hardware","fraction":0.5})");
    EXPECT_EQ(l.loss, (std::vector<Dollars>{2.5, 5, 30, 0}));
}

TEST(StageLosses, ShocksOfAStageAdd) {
    const Network network = four_entities();
    const ShockLosses l = losses_of(network, R"({"type":"capital","entity":"Chip","fraction":0.1},
                                              {"type":"hardware","fraction":0.5,"entities":["Chip"]})");
    EXPECT_DOUBLE_EQ(l.loss[kChip], 15);  // 10 + 5
}

TEST(ShockFromLosses, CascadeModelsUseCapitalClearingUsesAssets) {
    const Network network = four_entities();
    ShockLosses l(4);
    l.defaulted[kLab] = true;
    l.loss[kChip] = 6;     // 6 / 100
    l.loss[kCloud] = 50;   // 50 / 25 -> capped at 1; clearing 50 / 130
    const ShockVector furfine = shock_from_losses(network, l, Model::furfine);
    EXPECT_EQ(furfine, (ShockVector{1.0, 0.06, 1.0, 0.0}));
    const ShockVector clearing = shock_from_losses(network, l, Model::clearing);
    EXPECT_EQ(clearing[kLab], 1.0);
    EXPECT_DOUBLE_EQ(clearing[kChip], 6.0 / 150);
    EXPECT_DOUBLE_EQ(clearing[kCloud], 50.0 / 130);
}

TEST(ShockFromLosses, MissingFiguresAndZeroCapital) {
    const Network network = four_entities();
    ShockLosses l(4);
    l.loss[kFund] = 1;  // Fund has capital 40 but no assets
    EXPECT_DOUBLE_EQ(shock_from_losses(network, l, Model::debtrank)[kFund], 1.0 / 40);
    try {
        (void)shock_from_losses(network, l, Model::clearing);
        FAIL();
    } catch (const InputError& error) {
        EXPECT_EQ(std::string(error.what()),
                  "entity Fund: the scenario takes a loss from it but it has no \"assets\" "
                  "(clearing reduces external assets)");
    }
    Network zero;
    testing::add(zero, {"Z", "spv", 0, std::nullopt, std::nullopt, std::nullopt});
    ShockLosses small(1);
    small.loss[0] = 1e-3;
    EXPECT_EQ(shock_from_losses(zero, small, Model::furfine)[0], 1.0);
}

// A fake model: an entity defaults when its shock is 1; nothing propagates. Enough to check
// that stages accumulate and that each stage's run starts from everything so far.
StressResult fake_model(const ShockVector& shock) {
    StressResult result;
    double lost = 0;
    for (std::size_t i = 0; i < shock.size(); ++i) {
        EntityOutcome e;
        e.entity = static_cast<EntityIndex>(i);
        e.defaulted = shock[i] >= 1.0;
        e.loss = shock[i];
        lost += shock[i];
        result.entities.push_back(e);
    }
    result.summary.capital_lost = lost;
    return result;
}

TEST(RunScenario, StagesAccumulate) {
    const Network network = four_entities();
    const Scenario scenario = parse_scenario(R"({"name":"s","stages":[
        {"name":"a","shocks":[{"type":"capital","entity":"Chip","fraction":0.5}]},
        {"name":"b","shocks":[{"type":"capital","entity":"Chip","fraction":0.5},
                              {"type":"default","entity":"Fund"}]},
        {"name":"c","shocks":[{"type":"hardware","fraction":0.1,"entities":["Lab"]}]}]})",
                                             "s.json", network);
    StressOptions options;
    const ScenarioResult result = run_scenario(network, scenario, options, fake_model);
    ASSERT_EQ(result.stages.size(), 3u);
    EXPECT_EQ(result.stages[0].name, "a");
    // Stage a: Chip loses 50 of 100 -> F = 0.5. Stage b adds 50 more -> 1 (default), Fund
    // defaults. Stage c adds 0.5 to Lab (0.1 * hardware 5): F = 0.5 / 20 = 0.025.
    EXPECT_DOUBLE_EQ(*result.stages[0].result.entities[kChip].loss, 0.5);
    EXPECT_TRUE(result.stages[0].new_defaults.empty());
    EXPECT_DOUBLE_EQ(result.stages[1].added.loss[kChip], 50);
    EXPECT_DOUBLE_EQ(result.stages[1].cumulative.loss[kChip], 100);
    EXPECT_EQ(result.stages[1].new_defaults, (std::vector<EntityIndex>{kChip, kFund}));
    EXPECT_TRUE(result.stages[2].new_defaults.empty());
    EXPECT_TRUE(result.stages[2].result.entities[kFund].defaulted);  // defaults persist
    EXPECT_DOUBLE_EQ(*result.stages[2].result.entities[kLab].loss, 0.025);
    EXPECT_EQ(result.stages[2].added.loss[kChip], 0.0);
}

}  // namespace
}  // namespace crashchain
