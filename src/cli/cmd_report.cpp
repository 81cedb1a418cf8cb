// crashchain report [FILE] [-o DIR]: the main job (SPEC 5). Runs every analysis on the network
// (default: the built-in AI-compute network) and writes DIR/report.md with its diagrams.
#include <filesystem>
#include <iostream>
#include <memory>

#include <thread>

#include "cli/common.hpp"
#include "core/error.hpp"
#include "io/atomic_file.hpp"
#include "report/analysis_overlays.hpp"
#include "report/full_report.hpp"
#include "report/histogram.hpp"
#include "report/montecarlo_report.hpp"
#include "scenario/builtin_scenarios.hpp"
#include "scenario/model_adapters.hpp"
#include "scenario/shock_model.hpp"

namespace crashchain::cli {
namespace {

constexpr std::array<Model, 4> kModels{Model::furfine, Model::debtrank, Model::linear_debtrank,
                                       Model::clearing};

/// Renders a diagram into the report folder; an oversized network gets none (said in stderr).
std::string draw(const Network& network, const DiagramOverlay& overlay, const std::string& folder,
                 const std::string& file, bool diagrams) {
    if (!diagrams) return {};
    try {
        render_diagram(diagram_dot(network, overlay), folder + "/" + file);
    } catch (const InputError& error) {
        std::cerr << "crashchain: report: no diagram " << file << ": " << error.what() << "\n";
        return {};
    }
    return file;
}

ModelSection run_model(const Network& network, Model model, unsigned threads,
                       const std::string& folder, bool diagrams) {
    ModelSection section;
    section.model = model;
    section.options.model = model;
    PreparedNetwork prepared;
    try {
        prepared = prepare(network, section.options);
    } catch (const InputError& error) {
        section.unavailable = error.what();
        return section;
    }
    RankOptions rank_options;
    rank_options.threads = threads;
    section.rank = rank_entities(network, prepared, rank_options);
    if (section.rank.entries.empty()) return section;
    const RankEntry& first = section.rank.entries.front();
    if (first.impact <= 0 && first.defaults_caused == 0) return section;
    section.featured = first.entity;
    section.shock.assign(network.entity_count(), 0.0);
    section.shock[first.entity] = 1.0;
    section.chain = run_stress(prepared, section.shock);
    section.diagram_file =
        draw(network, stress_overlay(network, section.chain, section.options), folder,
             "chain_" + std::string(to_string(model)) + ".svg", diagrams);
    return section;
}

/// The scenarios to run: the files given, or the shipped ones on the built-in network.
std::vector<std::pair<std::string, Scenario>> load_scenarios(const Network& network,
                                                             const InputOptions& input,
                                                             const std::vector<std::string>& files) {
    std::vector<std::pair<std::string, Scenario>> scenarios;
    for (const std::string& file : files) scenarios.emplace_back(file, load_scenario(file, network));
    if (files.empty() && input.source.is_builtin()) {
        for (const BuiltinScenario& shipped : builtin_scenarios()) {
            scenarios.emplace_back(std::string(shipped.file),
                                   parse_scenario(shipped.text, shipped.file, network));
        }
    }
    return scenarios;
}

/// Every scenario under every model that could run (the models whose section is available).
std::vector<ScenarioSection> run_scenarios(
    const Network& network, const std::vector<std::pair<std::string, Scenario>>& scenarios,
    const std::vector<ModelSection>& models) {
    std::vector<ScenarioSection> sections;
    for (const auto& [file, scenario] : scenarios) sections.push_back({file, {}});
    for (const ModelSection& model : models) {
        if (model.unavailable) continue;
        const PreparedNetwork prepared = prepare(network, model.options);
        const StressFunction run = full_model(prepared);
        for (std::size_t k = 0; k < scenarios.size(); ++k) {
            sections[k].runs.push_back(
                run_scenario(network, scenarios[k].second, model.options, run));
        }
    }
    return sections;
}

MonteCarloSection run_monte_carlo_section(const Network& network, const MonteCarloOptions& mc,
                                          const std::string& folder, bool diagrams) {
    MonteCarloSection section;
    StressOptions stress;
    stress.model = section.model;
    PreparedNetwork prepared;
    try {
        prepared = prepare(network, stress);
    } catch (const InputError& error) {
        section.unavailable = error.what();
        return section;
    }
    const std::vector<double> sigma = entity_sigmas(network, {});
    section.result = run_monte_carlo(monte_carlo_scale(network, sigma, stress.model), mc,
                                     monte_carlo_model(prepared));
    if (diagrams) {
        HistogramOptions histogram;
        histogram.title = "Monte Carlo: " + std::string(to_string(stress.model)) + ", " +
                          std::to_string(mc.scenarios) + " scenarios";
        histogram.x_label = "capital lost (share of total capital)";
        section.histogram_file = "montecarlo.svg";
        write_file_atomically(folder + "/" + section.histogram_file,
                              render_histogram_svg(section.result.losses,
                                                   tail_markers(section.result), histogram));
    }
    return section;
}

}  // namespace

void add_report_command(CLI::App& app) {
    struct Options {
        InputOptions input;
        std::string folder = "report";
        unsigned threads = 0;
        std::size_t top = 10;
        bool no_diagrams = false;
        std::vector<std::string> scenarios;
        std::size_t mc_scenarios = 10000;
        std::uint64_t seed = 1;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand(
        "report", "the whole analysis as DIR/report.md with diagrams (default: built-in network)");
    add_input_options(*command, options->input, true);
    command->add_option("-o,--output", options->folder, "report folder (default: report)");
    command->add_option("--threads", options->threads, "threads for rankings (default: all cores)");
    command->add_option("--top", options->top, "rows per table (default 10)");
    command->add_flag("--no-diagrams", options->no_diagrams, "write report.md without SVGs");
    command->add_option("--scenario", options->scenarios,
                        "SCENARIO.json to run under every model (repeatable; default on the "
                        "built-in network: the four shipped scenarios)");
    command->add_option("--mc-scenarios", options->mc_scenarios,
                        "Monte Carlo scenarios (furfine; 0 = no Monte Carlo section)")
        ->capture_default_str();
    command->add_option("--seed", options->seed, "Monte Carlo seed")->capture_default_str();
    command->final_callback([options] {
        if (options->mc_scenarios > kMaxMonteCarloScenarios) {
            throw InputError("--mc-scenarios: " + std::to_string(options->mc_scenarios) +
                             " is outside 0.." + std::to_string(kMaxMonteCarloScenarios));
        }
        const Network network = load_selected(options->input);
        // Scenario files are checked before the folder is made or anything long runs.
        const auto scenarios = load_scenarios(network, options->input, options->scenarios);
        const std::string& folder = options->folder;
        std::error_code ec;
        std::filesystem::create_directories(folder, ec);
        if (ec || !std::filesystem::is_directory(folder)) {
            throw InputError(Diagnostic{folder, std::nullopt, {},
                                        "cannot create the report folder: " + ec.message()});
        }
        const bool diagrams = !options->no_diagrams;
        FullReportData data;
        data.name = network.name.empty() ? source_name(options->input.source) : network.name;
        data.top = options->top;
        data.summary = summarize(network);
        data.circularity = analyze_circularity(network, CircularityOptions{});
        data.max_cycle_length = CycleOptions{}.max_length;
        data.network_diagram = draw(network, {}, folder, "network.svg", diagrams);
        data.cycles_diagram = draw(
            network, cycle_overlay(network, data.circularity.cycles, data.circularity.sccs),
            folder, "cycles.svg", diagrams);
        for (Model model : kModels) {
            data.models.push_back(run_model(network, model, options->threads, folder, diagrams));
        }
        data.scenarios = run_scenarios(network, scenarios, data.models);
        if (options->mc_scenarios > 0) {
            MonteCarloOptions mc;
            mc.scenarios = options->mc_scenarios;
            mc.seed = options->seed;
            mc.threads = options->threads != 0
                             ? options->threads
                             : std::max(1u, std::thread::hardware_concurrency());
            data.monte_carlo = run_monte_carlo_section(network, mc, folder, diagrams);
        }
        write_file_atomically(folder + "/report.md", render_full_report(network, data));
        std::cout << render_report_summary(network, data, folder) << std::flush;
    });
}

}  // namespace crashchain::cli
