#include "report/scenario_report.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/amount.hpp"
#include "report/montecarlo_report.hpp"
#include "report/stress_report.hpp"
#include "report/table.hpp"

namespace crashchain {
namespace {

constexpr std::size_t kAddedShown = 6;  // largest stage losses named in text and Markdown

struct Added {
    EntityIndex entity;
    Dollars loss;
    bool defaulted;
};

/// Entities the stage's shocks reached, largest loss first (defaults first), then by id.
std::vector<Added> added_by_size(const Network& network, const ShockLosses& added) {
    std::vector<Added> list;
    for (EntityIndex i = 0; i < added.loss.size(); ++i) {
        if (added.loss[i] > 0 || added.defaulted[i]) list.push_back({i, added.loss[i], added.defaulted[i]});
    }
    std::sort(list.begin(), list.end(), [&](const Added& a, const Added& b) {
        if (a.defaulted != b.defaulted) return a.defaulted;
        if (a.loss != b.loss) return a.loss > b.loss;
        return network.id(a.entity) < network.id(b.entity);
    });
    return list;
}

Dollars total(const ShockLosses& losses) {
    Dollars sum = 0;
    for (const Dollars l : losses.loss) sum += l;
    return sum;
}

std::vector<std::string> sorted_ids(const Network& network, const std::vector<EntityIndex>& set) {
    std::vector<std::string> ids;
    for (const EntityIndex e : set) ids.push_back(network.id(e));
    std::sort(ids.begin(), ids.end());
    return ids;
}

std::string join(const std::vector<std::string>& words) {
    std::string text;
    for (const auto& w : words) text += (text.empty() ? "" : ", ") + w;
    return text;
}

/// Words of `text` on lines of at most `width` columns, each starting with `indent`.
std::string wrap(const std::string& text, std::size_t width, const std::string& indent) {
    std::string out;
    std::string line;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        const std::string word = text.substr(start, end - start);
        if (!line.empty() && display_width(line) + 1 + display_width(word) > width) {
            out += indent + line + "\n";
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
        start = end + 1;
    }
    if (!line.empty()) out += indent + line + "\n";
    return out;
}

std::string json(const ScenarioReport& r) {
    nlohmann::ordered_json out;
    out["scenario"] = r.result.name;
    out["description"] = r.result.description;
    out["model"] = std::string(to_string(r.result.model));
    out["stages"] = nlohmann::ordered_json::array();
    for (const StageOutcome& stage : r.result.stages) {
        nlohmann::ordered_json s;
        s["name"] = stage.name;
        s["added"] = nlohmann::ordered_json::array();
        for (EntityIndex i = 0; i < stage.added.loss.size(); ++i) {
            if (stage.added.loss[i] > 0 || stage.added.defaulted[i]) {
                s["added"].push_back({{"id", r.network.id(i)},
                                      {"loss", stage.added.loss[i]},
                                      {"default", static_cast<bool>(stage.added.defaulted[i])}});
            }
        }
        s["added_loss"] = total(stage.added);
        s["new_defaults"] = sorted_ids(r.network, stage.new_defaults);
        const nlohmann::ordered_json result = stress_json(r.network, stage.result);
        for (const char* key : {"entities", "rounds", "summary"}) s[key] = result.at(key);
        out["stages"].push_back(std::move(s));
    }
    return out.dump(2) + "\n";
}

std::string csv(const ScenarioReport& r) {
    Table table({"stage", "id", "added_loss", "added_default", "status", "default", "round",
                 "capital_lost", "h", "equity"});
    auto optional = [](const auto& value) {
        return value ? format_exact(static_cast<double>(*value)) : std::string();
    };
    for (const StageOutcome& stage : r.result.stages) {
        for (const EntityOutcome& e : stage.result.entities) {
            table.add_row({stage.name, r.network.id(e.entity), format_exact(stage.added.loss[e.entity]),
                           stage.added.defaulted[e.entity] ? "true" : "false",
                           std::string(to_string(e.status)), e.defaulted ? "true" : "false",
                           e.round ? std::to_string(*e.round) : std::string(),
                           optional(e.capital_lost), optional(e.h), optional(e.equity)});
        }
    }
    return table.csv();
}

/// The lines every stage shows in text and Markdown (without indentation or bullets).
std::vector<std::string> stage_lines(const ScenarioReport& r, const StageOutcome& stage) {
    std::vector<std::string> lines;
    const auto added = added_by_size(r.network, stage.added);
    std::string what = "shocks: " + format_amount(total(stage.added)) + " of losses";
    std::vector<std::string> named;
    for (std::size_t k = 0; k < added.size() && k < kAddedShown; ++k) {
        named.push_back(r.network.id(added[k].entity) + " " +
                        (added[k].defaulted ? std::string("defaults") : format_amount(added[k].loss)));
    }
    if (!named.empty()) what += " (" + join(named) + (added.size() > kAddedShown ? ", ..." : "") + ")";
    lines.push_back(what);
    const auto& summary = stage.result.summary;
    std::string state = "in default so far: " + std::to_string(summary.defaults);
    if (!stage.new_defaults.empty()) {
        state += " (new: " + join(sorted_ids(r.network, stage.new_defaults)) + ")";
    }
    if (summary.capital_lost) {
        state += "; capital lost so far " + format_amount(*summary.capital_lost);
        if (summary.capital_lost_share) state += " (" + format_percent(*summary.capital_lost_share) + ")";
    }
    lines.push_back(state);
    return lines;
}

std::string text(const ScenarioReport& r, bool markdown) {
    const ScenarioResult& s = r.result;
    std::string out;
    const std::string title = "Scenario " + s.name + " (" + std::string(to_string(s.model)) +
                              ") on " + r.source;
    out += markdown ? "# " + title + "\n\n" : title + "\n";
    if (!s.description.empty()) {
        out += markdown ? s.description + "\n" : wrap(s.description, 96, "  ");
    }
    for (std::size_t k = 0; k < s.stages.size(); ++k) {
        const StageOutcome& stage = s.stages[k];
        const std::string heading = "Stage " + std::to_string(k + 1) + ": " + stage.name;
        out += markdown ? "\n## " + heading + "\n\n" : "\n" + heading + "\n";
        for (const auto& line : stage_lines(r, stage)) {
            out += (markdown ? "- " : "  ") + line + "\n";
        }
        const StressContext context{r.network, r.options, stage.shock, r.source};
        const auto chain = crash_chain(context, stage.result);
        if (chain.empty()) continue;
        out += markdown ? "\nCrash chain:\n\n" : "  crash chain:\n";
        for (const auto& line : chain) out += "    " + line + "\n";
    }
    return out;
}

}  // namespace

std::string render_scenario(const ScenarioReport& report, Format format) {
    switch (format) {
        case Format::json: return json(report);
        case Format::csv: return csv(report);
        case Format::md: return text(report, true);
        case Format::text: break;
    }
    return text(report, false);
}

}  // namespace crashchain
