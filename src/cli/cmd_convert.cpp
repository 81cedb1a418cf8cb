// crashchain convert FILE -o OUT.dot|.json|.csv (SPEC 5).
#include <memory>

#include "cli/common.hpp"

namespace crashchain::cli {

void add_convert_command(CLI::App& app) {
    struct Options {
        InputOptions input;
        std::string output;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("convert", "write a network as DOT, JSON or CSV");
    add_input_options(*command, options->input, true);
    command->add_option("-o,--output", options->output,
                        "OUT.dot, OUT.gv, OUT.json, or OUT.csv (+ OUT.nodes.csv)")
        ->required();
    command->final_callback([options] {
        save_network(load_selected(options->input), options->output);
    });
}

}  // namespace crashchain::cli
