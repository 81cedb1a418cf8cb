// crashchain cycles FILE (SPEC 2, 4, 6): strongly connected components, elementary cycles,
// circulation, round trips and vendor-financing flags.
#include <cmath>
#include <memory>

#include "circularity/circularity.hpp"
#include "cli/common.hpp"
#include "core/amount.hpp"
#include "core/error.hpp"
#include "report/cycles_report.hpp"

namespace crashchain::cli {
namespace {

/// The bound options as given (signed, so `-1` gets our message rather than CLI11's).
struct CycleCliOptions {
    std::int64_t max_length = 8;
    std::int64_t limit = 100000;
    std::int64_t top = 10;
    double time_limit = 10;
};

CircularityOptions circularity_options(const CycleCliOptions& given) {
    std::vector<Diagnostic> problems;
    const auto at_least_one = [&](std::int64_t value, const char* option, const char* what) {
        if (value < 1) {
            problems.push_back({{}, std::nullopt, {},
                                std::string(option) + ": must be at least 1 (" + what +
                                    "), got " + std::to_string(value)});
        }
    };
    at_least_one(given.max_length, "--max-length", "entities on a cycle");
    at_least_one(given.limit, "--limit", "cycles listed");
    at_least_one(given.top, "--top", "rows shown");
    if (!(given.time_limit > 0) || !std::isfinite(given.time_limit)) {
        problems.push_back({{}, std::nullopt, {},
                            "--time-limit: must be a positive number of seconds, got " +
                                format_exact(given.time_limit)});
    }
    if (!problems.empty()) throw InputError(std::move(problems));
    CircularityOptions options;
    options.cycles.max_length = static_cast<std::size_t>(given.max_length);
    options.cycles.limit = static_cast<std::size_t>(given.limit);
    options.cycles.time_limit = given.time_limit;
    options.vendor_financing_limit = options.cycles.limit;
    return options;
}

}  // namespace

void add_cycles_command(CLI::App& app) {
    struct Options {
        InputOptions input;
        OutputOptions output;
        CycleCliOptions bounds;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand(
        "cycles", "circular deals: strongly connected components, cycles, circulation, "
                  "round trips, vendor financing");
    add_input_options(*command, options->input);
    add_output_options(*command, options->output);
    command->add_option("--max-length", options->bounds.max_length,
                        "most entities on a listed cycle (default 8)");
    command->add_option("--limit", options->bounds.limit,
                        "most cycles listed; more means truncated (default 100000)");
    command->add_option("--top", options->bounds.top,
                        "rows per table in text and md output (default 10)");
    command->add_option("--time-limit", options->bounds.time_limit,
                        "seconds the cycle search may take (default 10)");
    command->final_callback([options] {
        const CircularityOptions analysis = circularity_options(options->bounds);
        const Network network = load_selected(options->input);
        CyclesReportOptions report;
        report.top = static_cast<std::size_t>(options->bounds.top);
        report.limit = analysis.cycles.limit;
        report.max_length = analysis.cycles.max_length;
        emit(options->output,
             render_cycles(network, analyze_circularity(network, analysis),
                           source_name(options->input.source), output_format(options->output),
                           report));
    });
}

}  // namespace crashchain::cli
