#pragma once
// Command-line options shared by every command that runs a contagion model (stress, rank, and
// the scenario, Monte Carlo, reverse and dot commands): --model, --lgd, --alpha, --beta,
// --external, and the shocks --default / --shock.

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "contagion/stress.hpp"

namespace crashchain::cli {

struct StressCliOptions {
    std::string model;
    std::vector<std::string> lgd;
    double alpha = 1.0;
    double beta = 1.0;
    std::string external = "pari-passu";
    std::vector<std::string> defaults;
    std::vector<std::string> shocks;
    /// Set by add_model_options, to tell an option given from its default value.
    const CLI::Option* lgd_option = nullptr;
    const CLI::Option* alpha_option = nullptr;
    const CLI::Option* beta_option = nullptr;
    const CLI::Option* external_option = nullptr;
};

/// Adds --model (required when `model_required`), --lgd, --alpha, --beta, --external.
void add_model_options(CLI::App& command, StressCliOptions& options, bool model_required = true);
/// Adds --default ID and --shock ID=F (both repeatable).
void add_shock_options(CLI::App& command, StressCliOptions& options);

/// The checked StressOptions (InputError naming the option on a bad value, or on an option the
/// model does not use: --alpha/--beta/--external are for clearing, --lgd for the others unless
/// `lgd_used_by_every_model` — scenario slowdown losses use it whatever the model).
[[nodiscard]] StressOptions stress_options(const StressCliOptions& options,
                                           bool lgd_used_by_every_model = false);

/// Whether the user gave --lgd/--alpha/--beta/--external (for commands where --model is optional).
[[nodiscard]] bool any_model_option_given(const StressCliOptions& options);

}  // namespace crashchain::cli
