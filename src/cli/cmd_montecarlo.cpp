// crashchain montecarlo FILE --model M --scenarios N --seed S [--rho R] [--sigma type=v]..
// [--threads T] [--quiet] [--histogram out.svg] (SPEC 3.5).
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <thread>

#include "cli/common.hpp"
#include "cli/stress_options.hpp"
#include "core/amount.hpp"
#include "core/error.hpp"
#include "io/atomic_file.hpp"
#include "report/histogram.hpp"
#include "report/montecarlo_report.hpp"
#include "scenario/model_adapters.hpp"
#include "scenario/shock_model.hpp"

namespace crashchain::cli {
namespace {

constexpr std::size_t kMaxScenarios = 100'000'000;  // the loss sample is kept: 800 MB

/// A progress bar on stderr for runs longer than a second, only when stderr is a terminal.
class ProgressBar {
public:
    using Clock = std::chrono::steady_clock;
    explicit ProgressBar(bool enabled)
        : enabled_(enabled && isatty(STDERR_FILENO) == 1), start_(Clock::now()) {}

    void update(std::size_t done, std::size_t total) {
        if (!enabled_ || total == 0) return;
        const auto now = Clock::now();
        if (now - start_ < std::chrono::seconds(1)) return;
        if (drawn_ && done < total && now - last_ < std::chrono::milliseconds(100)) return;
        last_ = now;
        drawn_ = true;
        constexpr int kWidth = 30;
        const int filled = static_cast<int>(kWidth * done / total);
        std::string bar(static_cast<std::size_t>(filled), '#');
        bar.resize(kWidth, '.');
        std::fprintf(stderr, "\r[%s] %3d%% %zu/%zu scenarios", bar.c_str(),
                     static_cast<int>(100 * done / total), done, total);
        std::fflush(stderr);
    }
    void finish() {
        if (!drawn_) return;
        std::fprintf(stderr, "\r%70s\r", "");
        std::fflush(stderr);
    }

private:
    bool enabled_;
    bool drawn_ = false;
    Clock::time_point start_;
    Clock::time_point last_;
};

std::vector<HistogramMarker> tail_markers(const MonteCarloResult& result) {
    const auto& l = result.loss;
    return {{l.level95.var, "VaR 95% " + format_percent(l.level95.var), "#e67e22", false},
            {l.level95.es, "ES 95% " + format_percent(l.level95.es), "#e67e22", true},
            {l.level99.var, "VaR 99% " + format_percent(l.level99.var), "#c0392b", false},
            {l.level99.es, "ES 99% " + format_percent(l.level99.es), "#c0392b", true}};
}

}  // namespace

void add_montecarlo_command(CLI::App& app) {
    struct Options {
        InputOptions input;
        OutputOptions output;
        StressCliOptions model;
        std::size_t scenarios = 10000;
        std::uint64_t seed = 1;
        double rho = 0.3;
        std::vector<std::string> sigma;
        unsigned threads = 0;
        std::size_t top_sets = 10;
        bool quiet = false;
        std::string histogram;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand(
        "montecarlo", "correlated random shocks: default probabilities, VaR/ES of capital lost");
    add_input_options(*command, options->input);
    add_model_options(*command, options->model);
    command->add_option("--scenarios", options->scenarios, "number of scenarios")
        ->capture_default_str();
    command->add_option("--seed", options->seed, "random seed (same seed, same output)")
        ->capture_default_str();
    command->add_option("--rho", options->rho, "correlation with the common factor, [0,1]")
        ->capture_default_str();
    command->add_option("--sigma", options->sigma,
                        "type=v: annual asset volatility of an entity type (repeatable)");
    command->add_option("--threads", options->threads,
                        "worker threads, 0 = every core (the output does not depend on it)")
        ->capture_default_str();
    command->add_option("--top-sets", options->top_sets, "most frequent default sets to list")
        ->capture_default_str();
    command->add_flag("--quiet", options->quiet, "no progress bar");
    command->add_option("--histogram", options->histogram,
                        "write an SVG histogram of the loss distribution to this file");
    add_output_options(*command, options->output);
    command->final_callback([options] {
        const Options& o = *options;
        if (o.scenarios == 0 || o.scenarios > kMaxScenarios) {
            throw InputError("--scenarios: " + std::to_string(o.scenarios) +
                             " is outside 1.." + std::to_string(kMaxScenarios));
        }
        if (!(o.rho >= 0.0 && o.rho <= 1.0)) {
            throw InputError("--rho: " + format_exact(o.rho) +
                             " is outside [0, 1] (the share of variance from the common factor)");
        }
        const StressOptions stress = stress_options(o.model);
        const Network network = load_selected(o.input);
        const std::vector<double> sigma = entity_sigmas(network, o.sigma);
        const PreparedNetwork prepared = prepare(network, stress);

        MonteCarloOptions mc;
        mc.scenarios = o.scenarios;
        mc.seed = o.seed;
        mc.rho = o.rho;
        mc.threads = o.threads != 0 ? o.threads : std::max(1u, std::thread::hardware_concurrency());
        mc.top_sets = o.top_sets;
        ProgressBar bar(!o.quiet);
        const MonteCarloResult result = run_monte_carlo(
            monte_carlo_scale(network, sigma, stress.model), mc, monte_carlo_model(prepared),
            [&bar](std::size_t done, std::size_t total) { bar.update(done, total); });
        bar.finish();

        const std::string source = source_name(o.input.source);
        if (!o.histogram.empty()) {
            HistogramOptions h;
            h.title = "Monte Carlo: " + std::string(to_string(stress.model)) + " on " + source +
                      ", " + std::to_string(result.scenarios) + " scenarios";
            h.x_label = "capital lost (share of total capital)";
            write_file_atomically(o.histogram,
                                  render_histogram_svg(result.losses, tail_markers(result), h));
        }
        emit(o.output, render_montecarlo({result, network, stress.model, source, sigma},
                                         output_format(o.output)));
    });
}

}  // namespace crashchain::cli
