#include <gtest/gtest.h>

#include "core/error.hpp"
#include "scenario/scenario.hpp"
#include "unit/scenario/small_network.hpp"

namespace crashchain {
namespace {

using testing::four_entities;

std::string error_of(std::string_view text) {
    const Network network = four_entities();
    try {
        (void)parse_scenario(text, "s.json", network);
    } catch (const InputError& error) {
        return error.what();
    }
    return "no error";
}

TEST(ScenarioParser, EveryShockType) {
    const Network network = four_entities();
    const Scenario s = parse_scenario(R"({
      "name": "crash", "description": "why",
      "stages": [
        {"name": "one", "shocks": [
          {"type": "default", "entity": "Lab"},
          {"type": "capital", "entity": "Cloud", "fraction": 0.5, "note": "why not"}]},
        {"name": "two", "shocks": [
          {"type": "valuation", "fraction": 0.4, "entities": ["Lab"]},
          {"type": "valuation", "fraction": 0.1, "entity_types": ["lab", "bank"]},
          {"type": "valuation", "fraction": 0},
          {"type": "slowdown", "fraction": 0.5},
          {"type": "slowdown", "fraction": 0.25, "kinds": ["loan"]},
          {"type": "hardware", "fraction": 0.8, "entity_types": ["cloud", "chipmaker"]},
          {"type": "hardware", "fraction": 0.2}]}]})",
                                      "s.json", network);
    EXPECT_EQ(s.name, "crash");
    EXPECT_EQ(s.description, "why");
    ASSERT_EQ(s.stages.size(), 2u);
    EXPECT_EQ(s.stages[0].name, "one");
    ASSERT_EQ(s.stages[0].shocks.size(), 2u);
    EXPECT_EQ(s.stages[0].shocks[0].type, ShockType::default_);
    EXPECT_EQ(s.stages[0].shocks[0].entity, *network.find("Lab"));
    EXPECT_EQ(s.stages[0].shocks[1].type, ShockType::capital);
    EXPECT_EQ(s.stages[0].shocks[1].fraction, 0.5);
    EXPECT_EQ(s.stages[0].shocks[1].where, "stages[0].shocks[1]");
    const auto& two = s.stages[1].shocks;
    ASSERT_EQ(two.size(), 7u);
    EXPECT_EQ(two[0].entities, (std::vector<EntityIndex>{*network.find("Lab")}));
    EXPECT_EQ(two[1].entity_types, (std::vector<std::string>{"lab", "bank"}));
    EXPECT_EQ(two[2].target_mask(network), (std::vector<bool>{true, true, true, true}));
    EXPECT_EQ(two[3].kinds, (std::vector<ContractKind>{ContractKind::purchase, ContractKind::lease}));
    EXPECT_EQ(two[4].kinds, (std::vector<ContractKind>{ContractKind::loan}));
    EXPECT_EQ(two[5].target_mask(network), (std::vector<bool>{false, true, true, false}));
    // A hardware shock on everyone means everyone with a hardware figure (Fund has none).
    EXPECT_EQ(two[6].target_mask(network), (std::vector<bool>{true, true, true, false}));
}

TEST(ScenarioParser, StageNamesDefaultToTheirNumber) {
    const Network network = four_entities();
    const Scenario s = parse_scenario(R"({"stages":[{"shocks":[]},{"shocks":[]}]})", "s.json",
                                      network);
    EXPECT_EQ(s.stages[1].name, "stage 2");
    EXPECT_EQ(s.name, "");
}

TEST(ScenarioParser, BadJsonNamesTheFile) {
    const std::string message = error_of("{\"stages\": [");
    EXPECT_EQ(message.rfind("s.json: not valid JSON: parse error at line 1", 0), 0u) << message;
}

TEST(ScenarioParser, StructureErrors) {
    EXPECT_EQ(error_of("[]"),
              "s.json: expected a JSON object {\"name\", \"description\", \"stages\": [...]}");
    EXPECT_EQ(error_of(R"({"name":"x"})"),
              "s.json: expected \"stages\": a non-empty list of {\"name\", \"shocks\": [...]}");
    EXPECT_EQ(error_of(R"({"stages":[{"name":"a"}]})"),
              "s.json: stages[0]: expected \"shocks\": a list of shocks");
    EXPECT_EQ(error_of(R"({"stages":[{"shocks":[]}], "stage":1})"),
              "s.json: unknown field \"stage\" in the scenario; expected name, stages "
              "(did you mean \"stages\"?)");
}

TEST(ScenarioParser, UnknownTypeWithSuggestion) {
    EXPECT_EQ(error_of(R"({"stages":[{"shocks":[]},{"shocks":[{"type":"defualt","entity":"Lab"}]}]})"),
              "s.json: stages[1].shocks[0]: unknown shock type \"defualt\"; expected one of "
              "default, capital, valuation, slowdown, hardware (did you mean \"default\"?)");
    EXPECT_EQ(error_of(R"({"stages":[{"shocks":[{"entity":"Lab"}]}]})"),
              "s.json: stages[0].shocks[0]: expected \"type\": one of default, capital, "
              "valuation, slowdown, hardware");
}

TEST(ScenarioParser, UnknownEntityWithSuggestion) {
    EXPECT_EQ(error_of(R"({"stages":[{"shocks":[{"type":"default","entity":"Clod"}]}]})"),
              "s.json: stages[0].shocks[0]: \"entity\": unknown entity \"Clod\" "
              "(did you mean \"Cloud\"?)");
    EXPECT_EQ(error_of(R"({"stages":[{"shocks":[{"type":"valuation","fraction":0.1,
                          "entities":["Lab","Xyzzy"]}]}]})"),
              "s.json: stages[0].shocks[0]: \"entities\"[1]: unknown entity \"Xyzzy\"");
    EXPECT_EQ(error_of(R"({"stages":[{"shocks":[{"type":"default"}]}]})"),
              "s.json: stages[0].shocks[0]: expected \"entity\": the id of the entity that defaults");
}

TEST(ScenarioParser, FractionRanges) {
    EXPECT_EQ(error_of(R"({"stages":[{"shocks":[{"type":"capital","entity":"Lab","fraction":0}]}]})"),
              "s.json: stages[0].shocks[0]: \"fraction\" 0 is outside (0, 1] (the share of its "
              "capital it loses)");
    EXPECT_EQ(error_of(R"({"stages":[{"shocks":[{"type":"valuation","fraction":1.5}]}]})"),
              "s.json: stages[0].shocks[0]: \"fraction\" 1.5 is outside [0, 1] (the share of "
              "value the equity loses)");
    EXPECT_EQ(error_of(R"({"stages":[{"shocks":[{"type":"slowdown","fraction":"0.3"}]}]})"),
              "s.json: stages[0].shocks[0]: \"fraction\" must be a number in [0, 1], not \"0.3\"");
    EXPECT_EQ(error_of(R"({"stages":[{"shocks":[{"type":"hardware"}]}]})"),
              "s.json: stages[0].shocks[0]: expected \"fraction\": a number in [0, 1], the share "
              "of hardware value written off");
}

TEST(ScenarioParser, FieldsThatDoNotBelong) {
    EXPECT_EQ(error_of(R"({"stages":[{"shocks":[{"type":"valuation","fraction":0.1,
                          "entity_type":["lab"]}]}]})"),
              "s.json: stages[0].shocks[0]: unknown field \"entity_type\" in a valuation shock; "
              "expected type, fraction, entities, entity_types (did you mean \"entity_types\"?)");
    EXPECT_EQ(error_of(R"({"stages":[{"shocks":[{"type":"default","entity":"Lab","fraction":1}]}]})"),
              "s.json: stages[0].shocks[0]: unknown field \"fraction\" in a default shock; "
              "expected type, entity");
    EXPECT_EQ(error_of(R"({"stages":[{"shocks":[{"type":"valuation","fraction":0.1,
                          "entities":["Lab"],"entity_types":["lab"]}]}]})"),
              "s.json: stages[0].shocks[0]: give \"entities\" or \"entity_types\", not both");
    EXPECT_EQ(error_of(R"({"stages":[{"shocks":[{"type":"valuation","fraction":0.1,
                          "entities":[]}]}]})"),
              "s.json: stages[0].shocks[0]: \"entities\" must be a non-empty list of strings "
              "(omit it to mean all)");
}

TEST(ScenarioParser, TypesAndKinds) {
    EXPECT_EQ(error_of(R"({"stages":[{"shocks":[{"type":"valuation","fraction":0.1,
                          "entity_types":["clouds"]}]}]})"),
              "s.json: stages[0].shocks[0]: \"entity_types\"[0]: unknown type \"clouds\"; "
              "expected a type of the network: chipmaker, cloud, fund, lab (did you mean \"cloud\"?)");
    EXPECT_EQ(error_of(R"({"stages":[{"shocks":[{"type":"slowdown","fraction":0.1,
                          "kinds":["purchases"]}]}]})"),
              "s.json: stages[0].shocks[0]: \"kinds\"[0]: unknown kind \"purchases\"; expected "
              "one of equity, loan, bond, credit, lease, purchase, guarantee, warrant");
}

TEST(ScenarioParser, MissingFiguresForTheShock) {
    EXPECT_EQ(error_of(R"({"stages":[{"shocks":[{"type":"hardware","fraction":0.5,
                          "entities":["Fund"]}]}]})"),
              "s.json: stages[0].shocks[0]: entity Fund has no hardware figure (a hardware "
              "shock on it needs the entity attribute \"hardware\")");
    Network bare;
    testing::add(bare, {"A", "lab", std::nullopt, std::nullopt, std::nullopt, std::nullopt});
    try {
        (void)parse_scenario(R"({"stages":[{"shocks":[{"type":"hardware","fraction":0.5},
                                {"type":"capital","entity":"A","fraction":0.5}]}]})",
                             "s.json", bare);
        FAIL() << "expected an InputError";
    } catch (const InputError& error) {
        ASSERT_EQ(error.diagnostics().size(), 2u);  // every problem, not just the first
        EXPECT_EQ(error.diagnostics()[0].format(),
                  "s.json: stages[0].shocks[0]: no entity has a hardware figure (a hardware "
                  "shock writes off a share of the entity attribute \"hardware\")");
        EXPECT_EQ(error.diagnostics()[1].format(),
                  "s.json: stages[0].shocks[1]: entity A has no capital (a capital shock takes a "
                  "share of it; give \"capital\", or \"assets\" and \"liabilities\")");
    }
}

TEST(ScenarioParser, UnreadableFile) {
    const Network network = four_entities();
    EXPECT_THROW((void)load_scenario("/nonexistent/s.json", network), InputError);
}

}  // namespace
}  // namespace crashchain
