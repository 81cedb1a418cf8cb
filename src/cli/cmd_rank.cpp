// crashchain rank FILE --model M [--top N] [--threads T] (SPEC 5): every entity defaulted
// alone; systemic impact and vulnerability. Identical output for any --threads.
#include <memory>

#include "cli/common.hpp"
#include "cli/stress_options.hpp"
#include "core/error.hpp"
#include "report/stress_report.hpp"
#include "scenario/rank.hpp"

namespace crashchain::cli {

void add_rank_command(CLI::App& app) {
    struct Options {
        InputOptions input;
        OutputOptions output;
        StressCliOptions stress;
        std::size_t top = 0;
        long threads = 0;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand(
        "rank", "default every entity alone: rank by systemic impact, count vulnerability");
    add_input_options(*command, options->input);
    add_model_options(*command, options->stress);
    command->add_option("--top", options->top, "list only the N most systemic entities (0 = all)");
    command->add_option("--threads", options->threads, "worker threads (default: every core)");
    add_output_options(*command, options->output);
    command->final_callback([options] {
        const StressOptions stress = stress_options(options->stress);
        const unsigned threads = thread_count(options->threads);
        const Network network = load_selected(options->input);
        const PreparedNetwork prepared = prepare(network, stress);
        RankOptions rank;
        rank.top = options->top;
        rank.threads = threads;
        const RankResult result = rank_entities(network, prepared, rank);
        emit(options->output, render_rank(network, result, source_name(options->input.source),
                                          output_format(options->output)));
    });
}

}  // namespace crashchain::cli
