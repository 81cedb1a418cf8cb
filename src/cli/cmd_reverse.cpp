// crashchain reverse FILE --model M (--min-defaults K | --min-loss-share S)
// [--search shock|set] [--types a,b] (SPEC 3.6).
#include <algorithm>
#include <memory>
#include <set>

#include "cli/common.hpp"
#include "cli/stress_options.hpp"
#include "core/amount.hpp"
#include "core/error.hpp"
#include "report/reverse_report.hpp"
#include "scenario/model_adapters.hpp"
#include "scenario/reverse_stress.hpp"
#include "scenario/shock_model.hpp"

namespace crashchain::cli {
namespace {

/// Entities of the --types (all when none given); InputError for a type no entity has.
std::vector<bool> candidate_mask(const Network& network, const std::vector<std::string>& types) {
    std::vector<bool> mask(network.entity_count(), types.empty());
    if (types.empty()) return mask;
    std::set<std::string> present;
    for (const auto& e : network.entities()) present.insert(e.type);
    std::vector<Diagnostic> problems;
    for (const auto& type : types) {
        if (present.count(type) != 0) continue;
        std::string known;
        for (const auto& t : present) known += (known.empty() ? "" : ", ") + (t.empty() ? "\"\"" : t);
        problems.push_back({{}, std::nullopt, {},
                            "--types: no entity has type \"" + type + "\" (types in the network: " +
                                known + ")"});
    }
    if (!problems.empty()) throw InputError(std::move(problems));
    for (EntityIndex i = 0; i < network.entity_count(); ++i) {
        mask[i] = std::find(types.begin(), types.end(), network.entity(i).type) != types.end();
    }
    return mask;
}

}  // namespace

void add_reverse_command(CLI::App& app) {
    struct Options {
        InputOptions input;
        OutputOptions output;
        StressCliOptions model;
        std::size_t min_defaults = 0;
        double min_loss_share = 0;
        std::string search = "shock";
        std::vector<std::string> types;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand(
        "reverse", "reverse stress: the smallest shock or set of defaults that reaches a target");
    add_input_options(*command, options->input);
    add_model_options(*command, options->model);
    auto* defaults = command->add_option("--min-defaults", options->min_defaults,
                                         "target: at least K entities in default");
    auto* share = command->add_option("--min-loss-share", options->min_loss_share,
                                      "target: capital lost >= S of total capital, (0,1]");
    defaults->excludes(share);
    command->add_option("--search", options->search,
                        "shock: smallest uniform shock (bisection); set: smallest set of defaults")
        ->check(CLI::IsMember({"shock", "set"}))
        ->capture_default_str();
    command->add_option("--types", options->types, "only entities of these types are shocked")
        ->delimiter(',');
    add_output_options(*command, options->output);
    command->final_callback([options, defaults, share] {
        const Options& o = *options;
        ReverseTarget target;
        if (defaults->count() != 0) {
            if (o.min_defaults == 0) {
                throw InputError("--min-defaults: expected a positive number of defaults");
            }
            target.min_defaults = o.min_defaults;
        } else if (share->count() != 0) {
            if (!(o.min_loss_share > 0 && o.min_loss_share <= 1)) {
                throw InputError("--min-loss-share: " + format_exact(o.min_loss_share) +
                                 " is outside (0, 1] (a share of total capital)");
            }
            target.min_loss_share = o.min_loss_share;
        } else {
            throw InputError("a target is required: --min-defaults K or --min-loss-share S");
        }
        const StressOptions stress = stress_options(o.model);
        const Network network = load_selected(o.input);
        const std::vector<bool> mask = candidate_mask(network, o.types);
        const PreparedNetwork prepared = prepare(network, stress);

        ReverseResult result;
        ShockVector final_shock;
        const ReverseSearch search = o.search == "set" ? ReverseSearch::set : ReverseSearch::shock;
        if (search == ReverseSearch::shock) {
            const UniformShock shock_at(network, stress.model, mask);
            result = reverse_shock(shock_at, summary_model(prepared), target);
            final_shock = shock_at(result.shock);
        } else {
            std::vector<EntityIndex> candidates;
            std::vector<std::string> ids;
            for (EntityIndex i = 0; i < network.entity_count(); ++i) {
                if (mask[i]) candidates.push_back(i);
                ids.push_back(network.id(i));
            }
            result = reverse_set(candidates, ids, summary_model(prepared), target,
                                 {25, monotone_in_defaults(stress.model)});
            final_shock.assign(network.entity_count(), 0.0);
            for (const EntityIndex e : result.set) final_shock[e] = 1.0;
        }
        // The searches ran the fast path; the answer gets the full result (crash chain).
        result.outcome = full_model(prepared)(final_shock);
        emit(o.output, render_reverse({result, search, target, network, stress, final_shock,
                                       source_name(o.input.source)},
                                      output_format(o.output)));
    });
}

}  // namespace crashchain::cli
