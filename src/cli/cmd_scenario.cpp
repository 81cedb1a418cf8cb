// crashchain scenario FILE SCENARIO.json --model M (SPEC 3.4); with CSV input:
// crashchain scenario --edges E.csv [--nodes N.csv] SCENARIO.json --model M.
#include <memory>

#include "cli/common.hpp"
#include "cli/stress_options.hpp"
#include "core/error.hpp"
#include "report/scenario_report.hpp"
#include "scenario/model_adapters.hpp"
#include "scenario/run_scenario.hpp"
#include "scenario/scenario.hpp"

namespace crashchain::cli {
namespace {

bool has_slowdown(const Scenario& scenario) {
    for (const ScenarioStage& stage : scenario.stages) {
        for (const ScenarioShock& shock : stage.shocks) {
            if (shock.type == ShockType::slowdown) return true;
        }
    }
    return false;
}

}  // namespace

void add_scenario_command(CLI::App& app) {
    struct Options {
        InputOptions input;
        OutputOptions output;
        StressCliOptions model;
        std::vector<std::string> positionals;  ///< [FILE] SCENARIO.json
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand(
        "scenario", "run a staged crash scenario (JSON) through a contagion model");
    add_input_options(*command, options->input);
    // Two positionals where the network may also come from --edges: one list, split below.
    command->remove_option(command->get_option("FILE"));
    command->add_option("FILE", options->positionals,
                        "network file (.dot, .gv, .json; omitted with --edges), then SCENARIO.json")
        ->expected(1, 2)
        ->required();
    add_model_options(*command, options->model);
    add_output_options(*command, options->output);
    command->final_callback([options] {
        Options& o = *options;
        const bool csv = !o.input.source.edges_csv.empty();
        if (o.positionals.size() != (csv ? 1u : 2u)) {
            throw InputError(csv ? "with --edges, give only SCENARIO.json as argument"
                                 : "expected FILE SCENARIO.json (the network, then the scenario)");
        }
        if (!csv) o.input.source.file = o.positionals.front();
        const std::string scenario_path = o.positionals.back();
        // Slowdown losses use --lgd under every model, clearing included (checked below).
        const StressOptions stress = stress_options(o.model, true);
        const Network network = load_selected(o.input);
        const Scenario scenario = load_scenario(scenario_path, network);
        if (stress.model == Model::clearing && !o.model.lgd.empty() && !has_slowdown(scenario)) {
            throw InputError("--lgd: with --model clearing it only sizes slowdown losses, and " +
                             scenario_path + " has no slowdown shock");
        }
        const PreparedNetwork prepared = prepare(network, stress);
        const ScenarioResult result = run_scenario(network, scenario, stress, full_model(prepared));
        emit(o.output, render_scenario({result, network, stress, source_name(o.input.source)},
                                       output_format(o.output)));
    });
}

}  // namespace crashchain::cli
