#include "cli/common.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <thread>

#include "core/amount.hpp"
#include "core/error.hpp"
#include "io/atomic_file.hpp"

namespace crashchain::cli {

void add_input_options(CLI::App& command, InputOptions& options, bool allow_builtin) {
    auto* file = command.add_option("FILE", options.source.file,
                                    "network file (.dot, .gv, .json)");
    auto* edges = command.add_option("--edges", options.source.edges_csv,
                                     "contracts CSV (from,to,kind,amount,...)");
    command.add_option("--nodes", options.source.nodes_csv, "entities CSV (id,...)")
        ->needs(edges);
    file->excludes(edges);
    options.allow_builtin = allow_builtin;
    command.add_option("--kinds", options.kinds,
                       "only these contract kinds (" + std::string(contract_kind_list()) + ")")
        ->delimiter(',');
    command.add_option("--status", options.statuses,
                       "only these statuses (" + std::string(contract_status_list()) + ")")
        ->delimiter(',');
    command.add_option("--min-amount", options.min_amount,
                       "drop contracts smaller than this amount (e.g. 1B)");
}

void add_output_options(CLI::App& command, OutputOptions& options) {
    command.add_option("--format", options.format, "text, md, json or csv")
        ->check(CLI::IsMember({"text", "md", "json", "csv"}));
    command.add_option("-o,--output", options.output, "write to this file instead of stdout");
}

Network load_selected(const InputOptions& options) {
    Selection selection;
    std::vector<Diagnostic> problems;
    for (const auto& k : options.kinds) {
        if (auto kind = parse_contract_kind(k)) {
            selection.kinds.push_back(*kind);
        } else {
            problems.push_back({{}, std::nullopt, {},
                                "--kinds: unknown kind \"" + k + "\" (expected one of " +
                                    std::string(contract_kind_list()) + ")"});
        }
    }
    for (const auto& s : options.statuses) {
        if (auto status = parse_contract_status(s)) {
            selection.statuses.push_back(*status);
        } else {
            problems.push_back({{}, std::nullopt, {},
                                "--status: unknown status \"" + s + "\" (expected one of " +
                                    std::string(contract_status_list()) + ")"});
        }
    }
    if (!options.min_amount.empty()) {
        selection.min_amount = parse_amount(options.min_amount);
        if (!selection.min_amount) {
            problems.push_back({{}, std::nullopt, {},
                                "--min-amount: \"" + options.min_amount + "\" is not an amount (" +
                                    std::string(kAmountExpected) + ")"});
        }
    }
    if (options.source.is_builtin() && !options.allow_builtin) {
        problems.push_back({{}, std::nullopt, {},
                            "a network is required: FILE (.dot, .gv, .json) or --edges E.csv"});
    }
    if (!problems.empty()) throw InputError(std::move(problems));
    Network network = load_network(options.source);
    if (selection.keeps_everything()) return network;  // no copy: 10M contracts are ~1 GB
    return select(network, selection);
}

std::string source_name(const NetworkSource& source) {
    if (!source.file.empty()) return std::filesystem::path(source.file).filename().string();
    if (!source.edges_csv.empty()) {
        return std::filesystem::path(source.edges_csv).filename().string();
    }
    return "ai_compute_2025";
}

unsigned thread_count(long threads) {
    if (threads < 0 || threads > 4096) {
        throw InputError("--threads: " + std::to_string(threads) +
                         " is not a thread count (expected 1 to 4096; omit it for every core)");
    }
    if (threads == 0) return std::max(1u, std::thread::hardware_concurrency());
    return static_cast<unsigned>(threads);
}

Format output_format(const OutputOptions& options) {
    return parse_format(options.format).value_or(Format::text);
}

void emit(const OutputOptions& options, const std::string& content) {
    if (options.output.empty()) {
        std::cout << content << std::flush;
    } else {
        write_file_atomically(options.output, content);
    }
}

}  // namespace crashchain::cli
