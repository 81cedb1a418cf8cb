// crashchain: the one catch site that maps failures to exit codes (SPEC 5).
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/common.hpp"
#include "core/error.hpp"

namespace {

enum class ExitCode : int { kOk = 0, kBadInput = 2 };

int run(int argc, char** argv) {
    CLI::App app{"crashchain: circular deals and default cascades in financial networks"};
    app.set_version_flag("--version", "crashchain 0.1.0");
    app.require_subcommand(1);
    crashchain::cli::add_validate_command(app);
    crashchain::cli::add_convert_command(app);
    crashchain::cli::add_generate_command(app);
    crashchain::cli::add_dot_command(app);
    crashchain::cli::add_scenario_command(app);
    crashchain::cli::add_montecarlo_command(app);
    crashchain::cli::add_reverse_command(app);
    crashchain::cli::add_stress_command(app);
    crashchain::cli::add_rank_command(app);
    crashchain::cli::add_report_command(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        std::cout << app.help();
        return static_cast<int>(ExitCode::kOk);
    } catch (const CLI::CallForAllHelp&) {
        std::cout << app.help("", CLI::AppFormatMode::All);
        return static_cast<int>(ExitCode::kOk);
    } catch (const CLI::CallForVersion&) {
        std::cout << "crashchain 0.1.0\n";
        return static_cast<int>(ExitCode::kOk);
    } catch (const CLI::ParseError& error) {
        std::cerr << "crashchain: " << error.what() << "\n";
        std::cerr << "Run with --help for more information.\n";
        return static_cast<int>(ExitCode::kBadInput);
    }
    return static_cast<int>(ExitCode::kOk);
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const crashchain::InputError& error) {
        for (const auto& d : error.diagnostics()) std::cerr << "crashchain: " << d.format() << "\n";
    } catch (const std::bad_alloc&) {
        std::cerr << "crashchain: out of memory\n";
    } catch (const std::exception& error) {
        std::cerr << "crashchain: internal error: " << error.what() << "\n";
    } catch (...) {
        std::cerr << "crashchain: internal error\n";
    }
    return static_cast<int>(ExitCode::kBadInput);
}
