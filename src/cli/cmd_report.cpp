// crashchain report [FILE] [-o DIR]: the main job (SPEC 5). Runs every analysis on the network
// (default: the built-in AI-compute network) and writes DIR/report.md with its diagrams.
#include <filesystem>
#include <iostream>
#include <memory>

#include "circularity/circulation.hpp"
#include "cli/common.hpp"
#include "core/error.hpp"
#include "io/atomic_file.hpp"
#include "report/analysis_overlays.hpp"
#include "report/full_report.hpp"

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
    section.chain = run_stress(network, section.shock, section.options);
    section.diagram_file =
        draw(network, stress_overlay(network, section.chain, section.options), folder,
             "chain_" + std::string(to_string(model)) + ".svg", diagrams);
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
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand(
        "report", "the whole analysis as DIR/report.md with diagrams (default: built-in network)");
    add_input_options(*command, options->input, true);
    command->add_option("-o,--output", options->folder, "report folder (default: report)");
    command->add_option("--threads", options->threads, "threads for rankings (default: all cores)");
    command->add_option("--top", options->top, "rows per table (default 10)");
    command->add_flag("--no-diagrams", options->no_diagrams, "write report.md without SVGs");
    command->final_callback([options] {
        const Network network = load_selected(options->input);
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
        data.components = strongly_connected(network);
        data.cycles = find_cycles(network, CycleOptions{});
        data.circulation = max_circulation(network);
        data.network_diagram = draw(network, {}, folder, "network.svg", diagrams);
        data.cycles_diagram =
            draw(network, cycle_overlay(network, data.cycles, data.components), folder,
                 "cycles.svg", diagrams);
        for (Model model : kModels) {
            data.models.push_back(run_model(network, model, options->threads, folder, diagrams));
        }
        write_file_atomically(folder + "/report.md", render_full_report(network, data));
        std::cout << render_report_summary(network, data, folder) << std::flush;
    });
}

}  // namespace crashchain::cli
