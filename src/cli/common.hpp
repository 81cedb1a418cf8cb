#pragma once
// Options shared by the subcommands: the network source, the contract filters, the output.

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "io/load.hpp"
#include "model/selection.hpp"
#include "report/format.hpp"

namespace crashchain::cli {

/// FILE (positional) or --edges/--nodes; `required` = false lets an empty source mean built-in.
struct InputOptions {
    NetworkSource source;
    std::vector<std::string> kinds;
    std::vector<std::string> statuses;
    std::string min_amount;
    bool allow_builtin = false;  ///< no FILE means the built-in network (report, validate, ...)
};

struct OutputOptions {
    std::string format = "text";
    std::string output;  ///< empty = stdout
};

/// Adds FILE, --edges, --nodes, --kinds, --status, --min-amount.
void add_input_options(CLI::App& command, InputOptions& options, bool allow_builtin = false);
/// Adds --format and -o/--output.
void add_output_options(CLI::App& command, OutputOptions& options);

/// Loads the network and applies the filters (InputError on bad input or bad filter values).
[[nodiscard]] Network load_selected(const InputOptions& options);
/// The name used in report titles: the file name, or the built-in network's.
[[nodiscard]] std::string source_name(const NetworkSource& source);
[[nodiscard]] Format output_format(const OutputOptions& options);

/// `--threads T`: the count given, checked (1 to 4096), or every core when omitted (0).
/// InputError naming the option otherwise.
[[nodiscard]] unsigned thread_count(long threads);

/// Writes `content` to -o (atomically) or to stdout.
void emit(const OutputOptions& options, const std::string& content);

/// Registers one subcommand per file (cmd_*.cpp).
void add_validate_command(CLI::App& app);
void add_convert_command(CLI::App& app);
void add_generate_command(CLI::App& app);
void add_dot_command(CLI::App& app);
void add_scenario_command(CLI::App& app);
void add_montecarlo_command(CLI::App& app);
void add_reverse_command(CLI::App& app);
void add_stress_command(CLI::App& app);
void add_rank_command(CLI::App& app);
void add_report_command(CLI::App& app);
void add_cycles_command(CLI::App& app);

}  // namespace crashchain::cli
