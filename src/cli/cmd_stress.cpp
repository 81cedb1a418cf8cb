// crashchain stress FILE --model M [--default ID].. [--shock ID=F].. [--lgd kind=v]..
// [--alpha A --beta B --external pari-passu|senior] [--threads T] (SPEC 3, 5): one contagion
// run, told as a crash chain. Identical output for any --threads.
#include <memory>

#include "cli/common.hpp"
#include "cli/stress_options.hpp"
#include "report/stress_report.hpp"

namespace crashchain::cli {

void add_stress_command(CLI::App& app) {
    struct Options {
        InputOptions input;
        OutputOptions output;
        StressCliOptions stress;
        long threads = 0;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand(
        "stress", "run a contagion model from a shock: who defaults, in which round, and why");
    add_input_options(*command, options->input);
    add_model_options(*command, options->stress);
    add_shock_options(*command, options->stress);
    command->add_option("--threads", options->threads,
                        "threads for one run where the model can use them (linear-debtrank's "
                        "large steps; default: every core)");
    add_output_options(*command, options->output);
    command->final_callback([options] {
        const StressOptions stress = stress_options(options->stress);
        const unsigned threads = thread_count(options->threads);
        const Network network = load_selected(options->input);
        const ShockVector shock =
            make_shocks(network, options->stress.defaults, options->stress.shocks);
        const StressResult result = run_stress(network, shock, stress, threads);
        const StressContext context{network, stress, shock, source_name(options->input.source)};
        emit(options->output, render_stress(context, result, output_format(options->output)));
    });
}

}  // namespace crashchain::cli
