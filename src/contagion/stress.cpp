#include "contagion/stress.hpp"

#include <array>
#include <cmath>
#include <stdexcept>
#include <unordered_map>

#include "core/amount.hpp"
#include "core/error.hpp"

namespace crashchain {
namespace {

constexpr std::array<std::string_view, 4> kModelNames{"furfine", "debtrank", "linear-debtrank",
                                                      "clearing"};

}  // namespace

std::string_view to_string(Model model) { return kModelNames[static_cast<std::size_t>(model)]; }

std::optional<Model> parse_model(std::string_view text) {
    for (std::size_t i = 0; i < kModelNames.size(); ++i) {
        if (kModelNames[i] == text) return static_cast<Model>(i);
    }
    return std::nullopt;
}

std::string_view to_string(EntityStatus status) {
    switch (status) {
        case EntityStatus::defaulted:
            return "default";
        case EntityStatus::distressed:
            return "distressed";
        case EntityStatus::solvent:
            break;
    }
    return "solvent";
}

std::string_view to_string(ExternalSeniority seniority) {
    return seniority == ExternalSeniority::senior ? "senior" : "pari-passu";
}

std::optional<ExternalSeniority> parse_external(std::string_view text) {
    if (text == "pari-passu") return ExternalSeniority::pari_passu;
    if (text == "senior") return ExternalSeniority::senior;
    return std::nullopt;
}

void check_options(const StressOptions& options) {
    std::vector<Diagnostic> problems;
    auto check_unit = [&](double value, std::string_view option, std::string_view meaning) {
        if (!(value > 0 && value <= 1)) {
            problems.push_back({{}, std::nullopt, {},
                                std::string(option) + ": " + format_exact(value) +
                                    " is outside (0,1] (" + std::string(meaning) + ")"});
        }
    };
    check_unit(options.alpha, "--alpha", "the share of external assets recovered on default");
    check_unit(options.beta, "--beta", "the share of interbank receipts recovered on default");
    for (std::size_t k = 0; k < kContractKindCount; ++k) {
        const auto& v = options.lgd_override[k];
        if (v && !(*v >= 0 && *v <= 1)) {
            problems.push_back({{}, std::nullopt, {},
                                "--lgd " + std::string(to_string(static_cast<ContractKind>(k))) +
                                    "=" + format_exact(*v) + ": lgd must be in [0,1]"});
        }
    }
    if (!problems.empty()) throw InputError(std::move(problems));
}

LgdOverrides parse_lgd_overrides(const std::vector<std::string>& specs) {
    LgdOverrides overrides{};
    std::vector<Diagnostic> problems;
    for (const auto& spec : specs) {
        const auto eq = spec.find('=');
        const std::string kind_text = spec.substr(0, eq);
        const auto kind = parse_contract_kind(kind_text);
        if (eq == std::string::npos) {
            problems.push_back({{}, std::nullopt, {},
                                "--lgd \"" + spec + "\": expected kind=value, e.g. purchase=0.5"});
            continue;
        }
        if (!kind) {
            problems.push_back({{}, std::nullopt, {},
                                "--lgd \"" + spec + "\": unknown kind \"" + kind_text +
                                    "\" (expected one of " + std::string(contract_kind_list()) +
                                    ")"});
            continue;
        }
        const auto value = parse_number(std::string_view(spec).substr(eq + 1));
        if (!value || *value < 0 || *value > 1) {
            problems.push_back({{}, std::nullopt, {},
                                "--lgd \"" + spec + "\": lgd must be a number in [0,1]"});
            continue;
        }
        auto& slot = overrides[static_cast<std::size_t>(*kind)];
        if (slot) {
            problems.push_back({{}, std::nullopt, {},
                                "--lgd \"" + spec + "\": " + kind_text + " is given twice"});
            continue;
        }
        slot = *value;
    }
    if (!problems.empty()) throw InputError(std::move(problems));
    return overrides;
}

std::vector<Shock> sparse_shock(const ShockVector& shock) {
    std::vector<Shock> out;
    for (std::size_t i = 0; i < shock.size(); ++i) {
        if (shock[i] > 0) out.push_back({static_cast<EntityIndex>(i), shock[i]});
    }
    return out;
}

ShockVector make_shocks(const Network& network, const std::vector<std::string>& defaults,
                        const std::vector<std::string>& shocks) {
    ShockVector shock(network.entity_count(), 0.0);
    std::unordered_map<EntityIndex, std::string> given_by;
    std::vector<Diagnostic> problems;
    auto apply = [&](EntityIndex i, double fraction, const std::string& option) {
        const auto [it, inserted] = given_by.emplace(i, option);
        if (!inserted) {
            problems.push_back({{}, std::nullopt, {},
                                option + ": " + network.id(i) + " is already shocked by " +
                                    it->second + " (give each entity once)"});
            return;
        }
        shock[i] = fraction;
    };
    for (const auto& id : defaults) {
        try {
            apply(require_entity(network, id, "--default"), 1.0, "--default " + id);
        } catch (const InputError& error) {
            problems.insert(problems.end(), error.diagnostics().begin(), error.diagnostics().end());
        }
    }
    for (const auto& spec : shocks) {
        // The fraction never contains '=', so the last one separates it from the id.
        const auto eq = spec.rfind('=');
        if (eq == std::string::npos || eq == 0) {
            problems.push_back({{}, std::nullopt, {},
                                "--shock \"" + spec + "\": expected ID=F with F in (0,1], e.g. OpenAI=0.5"});
            continue;
        }
        const std::string id = spec.substr(0, eq);
        const auto fraction = parse_number(std::string_view(spec).substr(eq + 1));
        if (!fraction || !(*fraction > 0 && *fraction <= 1)) {
            problems.push_back({{}, std::nullopt, {},
                                "--shock \"" + spec + "\": the fraction must be a number in (0,1]"});
            continue;
        }
        try {
            apply(require_entity(network, id, "--shock"), *fraction, "--shock " + spec);
        } catch (const InputError& error) {
            problems.insert(problems.end(), error.diagnostics().begin(), error.diagnostics().end());
        }
    }
    if (!problems.empty()) throw InputError(std::move(problems));
    return shock;
}

StressResult run_stress(const PreparedNetwork& prepared, const ShockVector& shock,
                        unsigned threads) {
    if (shock.size() != prepared.entity_count) {
        throw std::invalid_argument("run_stress: shock vector size differs from the entity count");
    }
    StressRunner runner(prepared, threads);
    return runner.run_full(sparse_shock(shock));
}

StressResult run_stress(const Network& network, const ShockVector& shock,
                        const StressOptions& options, unsigned threads) {
    const PreparedNetwork prepared = prepare(network, options);
    return run_stress(prepared, shock, threads);
}

}  // namespace crashchain
