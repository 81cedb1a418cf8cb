#include "cli/model_options.hpp"

#include "core/error.hpp"

namespace crashchain::cli {

void add_model_options(CLI::App& command, ModelOptions& options) {
    command.add_option("--model", options.model,
                       "furfine, debtrank, linear-debtrank or clearing")
        ->capture_default_str();
    command.add_option("--lgd", options.lgd, "kind=v: loss given default of a contract kind");
    command.add_option("--alpha", options.alpha,
                       "clearing: share of external assets recovered in default, (0,1]")
        ->capture_default_str();
    command.add_option("--beta", options.beta,
                       "clearing: share of interbank receipts recovered in default, (0,1]")
        ->capture_default_str();
    command.add_option("--external", options.external,
                       "clearing: external creditors pari-passu (default) or senior")
        ->capture_default_str();
}

StressOptions stress_options(const ModelOptions& options) {
    StressOptions stress;
    const auto model = parse_model(options.model);
    if (!model) {
        throw InputError("--model: unknown model \"" + options.model +
                         "\" (expected furfine, debtrank, linear-debtrank or clearing)");
    }
    stress.model = *model;
    const auto external = parse_external(options.external);
    if (!external) {
        throw InputError("--external: \"" + options.external +
                         "\" is not a seniority (expected pari-passu or senior)");
    }
    stress.external = *external;
    stress.lgd_override = parse_lgd_overrides(options.lgd);
    stress.alpha = options.alpha;
    stress.beta = options.beta;
    check_options(stress);
    return stress;
}

}  // namespace crashchain::cli
