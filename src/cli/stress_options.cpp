#include "cli/stress_options.hpp"

#include "core/error.hpp"

namespace crashchain::cli {

void add_model_options(CLI::App& command, StressCliOptions& options, bool model_required) {
    auto* model = command.add_option("--model", options.model,
                                     "furfine, debtrank, linear-debtrank or clearing");
    if (model_required) model->required();
    options.lgd_option = command.add_option("--lgd", options.lgd,
                       "kind=v: loss given default for a contract kind, e.g. purchase=0.5 "
                       "(repeatable; a contract's own lgd still wins)")
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    options.alpha_option = command.add_option("--alpha", options.alpha,
                       "clearing: share of external assets recovered on default, in (0,1]")
        ->capture_default_str();
    options.beta_option = command.add_option("--beta", options.beta,
                       "clearing: share of interbank receipts recovered on default, in (0,1]")
        ->capture_default_str();
    options.external_option = command.add_option("--external", options.external,
                       "clearing: external creditors rank pari-passu (default) or senior")
        ->capture_default_str();
}

void add_shock_options(CLI::App& command, StressCliOptions& options) {
    command.add_option("--default", options.defaults, "ID: this entity defaults (repeatable)")
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    command.add_option("--shock", options.shocks,
                       "ID=F: this entity loses a fraction F in (0,1] of its capital (clearing: "
                       "of its external assets); repeatable")
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

namespace {

bool given(const CLI::Option* option) { return option != nullptr && option->count() > 0; }

}  // namespace

bool any_model_option_given(const StressCliOptions& options) {
    return given(options.lgd_option) || given(options.alpha_option) ||
           given(options.beta_option) || given(options.external_option);
}

StressOptions stress_options(const StressCliOptions& options, bool lgd_used_by_every_model) {
    StressOptions out;
    std::vector<Diagnostic> problems;
    if (const auto model = parse_model(options.model)) {
        out.model = *model;
    } else {
        problems.push_back({{}, std::nullopt, {},
                            "--model: unknown model \"" + options.model +
                                "\" (expected furfine, debtrank, linear-debtrank or clearing)"});
    }
    if (const auto external = parse_external(options.external)) {
        out.external = *external;
    } else {
        problems.push_back({{}, std::nullopt, {},
                            "--external: \"" + options.external +
                                "\" is not a seniority (expected pari-passu or senior)"});
    }
    try {
        out.lgd_override = parse_lgd_overrides(options.lgd);
    } catch (const InputError& error) {
        problems.insert(problems.end(), error.diagnostics().begin(), error.diagnostics().end());
    }
    out.alpha = options.alpha;
    out.beta = options.beta;
    try {
        check_options(out);
    } catch (const InputError& error) {
        problems.insert(problems.end(), error.diagnostics().begin(), error.diagnostics().end());
    }
    // An option the model has no use for is an error, never silently ignored.
    const bool clearing = parse_model(options.model) == Model::clearing;
    if (parse_model(options.model)) {
        for (const auto* option : {options.alpha_option, options.beta_option,
                                   options.external_option}) {
            if (given(option) && !clearing) {
                problems.push_back({{}, std::nullopt, {},
                                    option->get_name() + " applies to --model clearing only"});
            }
        }
        if (given(options.lgd_option) && clearing && !lgd_used_by_every_model) {
            problems.push_back({{}, std::nullopt, {},
                                "--lgd applies to furfine, debtrank and linear-debtrank (clearing "
                                "pays obligations at face value)"});
        }
    }
    if (!problems.empty()) throw InputError(std::move(problems));
    return out;
}

}  // namespace crashchain::cli
