// Scenarios with the real models: the shipped scenario files load against the shipped network,
// stages only ever add losses (so capital lost and defaults never fall from one stage to the
// next), and a one-stage `default` scenario is exactly `stress --default`.
#include <gtest/gtest.h>

#include <filesystem>

#include "contagion/stress.hpp"
#include "io/load.hpp"
#include "scenario/model_adapters.hpp"
#include "scenario/run_scenario.hpp"
#include "synth/generator.hpp"

namespace crashchain {
namespace {

const std::string kGraphs = CRASHCHAIN_GRAPHS_DIR;

TEST(ScenarioProperty, ShippedScenariosRunAndAccumulate) {
    NetworkSource source;
    source.file = kGraphs + "/ai_compute_2025.dot";
    const Network network = load_network(source);
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(kGraphs + "/scenarios")) {
        if (entry.path().extension() != ".json") continue;
        ++files;
        const Scenario scenario = load_scenario(entry.path().string(), network);
        EXPECT_FALSE(scenario.description.empty()) << entry.path();
        for (const Model model : {Model::furfine, Model::debtrank, Model::linear_debtrank,
                                  Model::clearing}) {
            StressOptions options;
            options.model = model;
            const PreparedNetwork prepared = prepare(network, options);
            const ScenarioResult result =
                run_scenario(network, scenario, options, full_model(prepared));
            ASSERT_EQ(result.stages.size(), scenario.stages.size());
            double lost = 0;
            std::size_t defaults = 0;
            for (const StageOutcome& stage : result.stages) {
                const auto& summary = stage.result.summary;
                EXPECT_GE(*summary.capital_lost, lost * (1 - 1e-12))
                    << entry.path() << " " << to_string(model) << " " << stage.name;
                EXPECT_GE(summary.defaults, defaults) << entry.path() << " " << stage.name;
                lost = *summary.capital_lost;
                defaults = summary.defaults;
            }
        }
    }
    EXPECT_EQ(files, 4u);
}

TEST(ScenarioProperty, ADefaultStageIsStressDefault) {
    GeneratorOptions g;
    g.entities = 80;
    g.contracts = 600;
    g.seed = 5;
    const Network network = generate_network(g);
    for (const Model model : {Model::furfine, Model::debtrank, Model::clearing}) {
        StressOptions options;
        options.model = model;
        const PreparedNetwork prepared = prepare(network, options);
        const Scenario scenario = parse_scenario(
            R"({"stages":[{"shocks":[{"type":"default","entity":"e3"},
                                      {"type":"default","entity":"e17"}]}]})",
            "s.json", network);
        const ScenarioResult via_scenario =
            run_scenario(network, scenario, options, full_model(prepared));
        const StressResult direct = run_stress(network, make_shocks(network, {"e3", "e17"}, {}), options);
        const StressResult& staged = via_scenario.stages[0].result;
        EXPECT_EQ(staged.summary.defaults, direct.summary.defaults) << to_string(model);
        EXPECT_EQ(*staged.summary.capital_lost, *direct.summary.capital_lost) << to_string(model);
        ASSERT_EQ(staged.rounds.size(), direct.rounds.size());
        for (std::size_t r = 0; r < direct.rounds.size(); ++r) {
            EXPECT_EQ(staged.rounds[r].defaults, direct.rounds[r].defaults);
        }
    }
}

}  // namespace
}  // namespace crashchain
