#include "report/scenario_sections.hpp"

#include <algorithm>
#include <numeric>

#include "core/amount.hpp"
#include "report/montecarlo_report.hpp"
#include "report/table.hpp"

namespace crashchain {
namespace {

/// The outcome of one model run in a table cell: defaults and the model's loss measure.
std::string outcome(const StressSummary& summary) {
    std::string text = std::to_string(summary.defaults) +
                       (summary.defaults == 1 ? " default" : " defaults");
    if (summary.capital_lost_share) {
        text += ", " + format_percent(*summary.capital_lost_share) + " of capital lost";
    } else if (summary.shortfall) {
        text += ", " + format_amount(*summary.shortfall) + " unpaid";
    }
    return text;
}

std::string id_list(const Network& network, const std::vector<EntityIndex>& entities) {
    if (entities.empty()) return "-";
    std::vector<std::string> ids;
    for (EntityIndex e : entities) ids.push_back(network.id(e));
    std::sort(ids.begin(), ids.end());
    std::string text;
    for (const auto& id : ids) text += (text.empty() ? "" : ", ") + id;
    return text;
}

Dollars total(const std::vector<Dollars>& values) {
    return std::accumulate(values.begin(), values.end(), Dollars{0});
}

std::string stage_table(const Network& network, const ScenarioResult& run) {
    Table table({"stage", "shock added", "new defaults", "after the stage"},
                {Table::Align::left, Table::Align::right, Table::Align::left,
                 Table::Align::left});
    for (const StageOutcome& stage : run.stages) {
        table.add_row({stage.name, format_amount(total(stage.added.loss)),
                       id_list(network, stage.new_defaults), outcome(stage.result.summary)});
    }
    return table.markdown();
}

}  // namespace

std::string scenarios_section(const Network& network, const FullReportData& data) {
    std::string out = "## Scenarios\n\n";
    if (data.scenarios.empty()) {
        return out + "No scenario was run (give `--scenario FILE.json`; SPEC 3.4).\n\n";
    }
    out += "Each scenario's stages accumulate their shocks (SPEC 3.4); the model runs after every "
           "stage. Outcome after the last stage under each model:\n\n";
    std::vector<std::string> header{"scenario"};
    std::vector<Table::Align> align{Table::Align::left};
    for (const ScenarioResult& run : data.scenarios.front().runs) {
        header.emplace_back(to_string(run.model));
        align.push_back(Table::Align::left);
    }
    Table comparison(header, align);
    for (const ScenarioSection& section : data.scenarios) {
        std::vector<std::string> row{section.runs.empty() ? section.file
                                                          : section.runs.front().name};
        for (const ScenarioResult& run : section.runs) {
            row.push_back(run.stages.empty() ? "-" : outcome(run.stages.back().result.summary));
        }
        row.resize(header.size(), "-");
        comparison.add_row(row);
    }
    out += comparison.markdown() + "\n";
    for (const ScenarioSection& section : data.scenarios) {
        if (section.runs.empty()) continue;
        const ScenarioResult& first = section.runs.front();
        out += "### " + first.name + " (`" + section.file + "`)\n\n";
        if (!first.description.empty()) out += first.description + "\n\n";
        out += "Stage by stage under `" + std::string(to_string(first.model)) + "`:\n\n" +
               stage_table(network, first) + "\n";
    }
    return out;
}

std::string monte_carlo_section(const Network& network, const MonteCarloSection& section,
                                std::size_t top) {
    std::string out = "## Monte Carlo: correlated shocks\n\n";
    const std::string model(to_string(section.model));
    if (section.unavailable) return out + "Not run: " + *section.unavailable + "\n\n";
    const MonteCarloResult& r = section.result;
    out += std::to_string(r.scenarios) + " scenarios of `" + model + "` (seed " +
           std::to_string(r.seed) + ", factor loading rho " + format_exact(r.rho) +
           ", default volatilities per entity type: docs/scenarios.md; SPEC 3.5). Capital lost, "
           "as a share of all capital: mean " + format_percent(r.loss.mean) + ", VaR 95% " +
           format_percent(r.loss.level95.var) + ", ES 95% " + format_percent(r.loss.level95.es) +
           ", VaR 99% " + format_percent(r.loss.level99.var) + ", ES 99% " +
           format_percent(r.loss.level99.es) + ". " + std::to_string(r.scenarios_without_default) +
           " scenarios had no default.\n\n";
    if (!section.histogram_file.empty()) {
        out += "![Monte Carlo loss distribution](" + section.histogram_file + ")\n\n";
    }
    std::vector<const EntityDefaultRate*> rates;
    for (const auto& rate : r.entities) {
        if (rate.defaults > 0) rates.push_back(&rate);
    }
    std::stable_sort(rates.begin(), rates.end(), [&](const auto* a, const auto* b) {
        if (a->defaults != b->defaults) return a->defaults > b->defaults;
        return network.id(a->entity) < network.id(b->entity);
    });
    if (rates.size() > top) rates.resize(top);
    if (!rates.empty()) {
        Table table({"entity", "default probability", "95% interval"},
                    {Table::Align::left, Table::Align::right, Table::Align::right});
        for (const auto* rate : rates) {
            table.add_row({network.id(rate->entity), format_percent(rate->pd),
                           format_percent(rate->interval.low) + " - " +
                               format_percent(rate->interval.high)});
        }
        out += "Most likely to default:\n\n" + table.markdown() + "\n";
    }
    if (!r.top_default_sets.empty()) {
        Table table({"entities that default together", "frequency"},
                    {Table::Align::left, Table::Align::right});
        for (std::size_t i = 0; i < r.top_default_sets.size() && i < top; ++i) {
            table.add_row({id_list(network, r.top_default_sets[i].entities),
                           format_percent(r.top_default_sets[i].frequency)});
        }
        out += "Most frequent default sets:\n\n" + table.markdown() + "\n";
    }
    return out;
}

std::string scenarios_summary(const FullReportData& data) {
    std::string out;
    for (const ScenarioSection& section : data.scenarios) {
        if (section.runs.empty() || section.runs.front().stages.empty()) continue;
        const ScenarioResult& first = section.runs.front();
        out += "scenario " + first.name + " (" + std::string(to_string(first.model)) + "): " +
               outcome(first.stages.back().result.summary) + "\n";
    }
    return out;
}

}  // namespace crashchain
