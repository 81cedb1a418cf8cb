#pragma once
// The contagion-model options shared by scenario, montecarlo and reverse: --model, --lgd,
// --alpha, --beta, --external (the same meaning as in `stress`, SPEC 3).

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "contagion/stress.hpp"

namespace crashchain::cli {

struct ModelOptions {
    std::string model = "furfine";
    std::vector<std::string> lgd;
    double alpha = 1.0;
    double beta = 1.0;
    std::string external = "pari-passu";
};

void add_model_options(CLI::App& command, ModelOptions& options);

/// Checked StressOptions (InputError on a bad value, naming the option).
[[nodiscard]] StressOptions stress_options(const ModelOptions& options);

}  // namespace crashchain::cli
