// crashchain validate FILE: counts, volume, warnings (SPEC 5).
#include <memory>

#include "cli/common.hpp"
#include "model/summary.hpp"
#include "report/summary_report.hpp"

namespace crashchain::cli {

void add_validate_command(CLI::App& app) {
    struct Options {
        InputOptions input;
        OutputOptions output;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("validate", "check a network and summarise it");
    add_input_options(*command, options->input, true);
    add_output_options(*command, options->output);
    command->final_callback([options] {
        const Network network = load_selected(options->input);
        emit(options->output, render_summary(summarize(network), source_name(options->input.source),
                                             output_format(options->output)));
    });
}

}  // namespace crashchain::cli
