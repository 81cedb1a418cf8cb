#include "report/reverse_report.hpp"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "report/montecarlo_report.hpp"
#include "report/stress_report.hpp"

namespace crashchain {
namespace {

std::vector<std::string> set_ids(const ReverseReport& r) {
    std::vector<std::string> ids;
    for (const EntityIndex e : r.result.set) ids.push_back(r.network.id(e));
    return ids;  // reverse_set returns the set by id already
}

std::string target_text(const ReverseTarget& target) {
    if (target.min_defaults) return "at least " + std::to_string(*target.min_defaults) + " defaults";
    return "capital lost >= " + format_percent(target.min_loss_share.value_or(0)) +
           " of total capital";
}

std::string shock_text(double f) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.6f", f);
    return buffer;
}

std::string json(const ReverseReport& r) {
    nlohmann::ordered_json out;
    out["search"] = r.search == ReverseSearch::shock ? "shock" : "set";
    if (r.search == ReverseSearch::shock) {
        out["shock"] = r.result.shock;
    } else {
        out["set"] = set_ids(r);
    }
    out["method"] = std::string(to_string(r.result.method));
    out["reached"] = r.result.reached;
    if (r.target.min_defaults) {
        out["target"] = {{"min_defaults", *r.target.min_defaults}};
    } else {
        out["target"] = {{"min_loss_share", r.target.min_loss_share.value_or(0)}};
    }
    out["evaluations"] = r.result.evaluations;
    out["model"] = std::string(to_string(r.options.model));
    out["outcome"] = stress_json(r.network, r.result.outcome);
    return out.dump(2) + "\n";
}

std::string answer(const ReverseReport& r) {
    const std::string runs = std::to_string(r.result.evaluations) + " model runs";
    if (r.search == ReverseSearch::shock) {
        if (!r.result.reached) {
            return "not reached: even a uniform shock f = 1 falls short (" + runs + ")";
        }
        return "smallest uniform shock: f = " + shock_text(r.result.shock) +
               " (bisection to 1e-6, " + runs + ")";
    }
    std::string ids;
    for (const auto& id : set_ids(r)) ids += (ids.empty() ? "" : ", ") + id;
    if (!r.result.reached) {
        return "not reached: even every candidate defaulted together falls short (" +
               std::string(to_string(r.result.method)) + ", " + runs + ")";
    }
    return "smallest set of initial defaults (" + std::to_string(r.result.set.size()) + "): " +
           ids + " (" + std::string(to_string(r.result.method)) + ", " + runs + ")";
}

}  // namespace

std::string render_reverse(const ReverseReport& r, Format format) {
    const StressContext context{r.network, r.options, r.shock, r.source};
    const std::string what = r.search == ReverseSearch::shock ? "uniform shock" : "set of defaults";
    const std::string title = "Reverse stress (" + std::string(to_string(r.options.model)) +
                              ") on " + r.source + ": smallest " + what + " for " +
                              target_text(r.target);
    switch (format) {
        case Format::json:
            return json(r);
        case Format::csv:
            return render_stress(context, r.result.outcome, Format::csv);
        case Format::md:
            return "# " + title + "\n\n" + answer(r) + ".\n\n" +
                   render_stress(context, r.result.outcome, Format::md);
        case Format::text:
            break;
    }
    return title + "\n  " + answer(r) + "\n\n" + render_stress(context, r.result.outcome, Format::text);
}

}  // namespace crashchain
