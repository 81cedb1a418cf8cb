#include "report/montecarlo_report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "core/amount.hpp"
#include "report/table.hpp"
#include "scenario/shock_model.hpp"

namespace crashchain {
namespace {

std::string fixed(double value, int decimals) {
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

std::string ids_of(const Network& network, const std::vector<EntityIndex>& set) {
    std::vector<std::string> ids;
    for (const EntityIndex e : set) ids.push_back(network.id(e));
    std::sort(ids.begin(), ids.end());
    std::string text;
    for (const auto& id : ids) text += (text.empty() ? "" : ", ") + id;
    return text;
}

std::string json(const MonteCarloReport& r) {
    const MonteCarloResult& m = r.result;
    nlohmann::ordered_json out;
    out["model"] = std::string(to_string(r.model));
    out["scenarios"] = m.scenarios;
    out["seed"] = m.seed;
    out["rho"] = m.rho;
    out["entities"] = nlohmann::ordered_json::array();
    for (const auto& e : m.entities) {
        out["entities"].push_back({{"id", r.network.id(e.entity)},
                                   {"pd", e.pd},
                                   {"pd_low", e.interval.low},
                                   {"pd_high", e.interval.high},
                                   {"defaults", e.defaults},
                                   {"sigma", r.sigma.at(e.entity)}});
    }
    out["loss"] = {{"mean", m.loss.mean},
                   {"var95", m.loss.level95.var},
                   {"es95", m.loss.level95.es},
                   {"var99", m.loss.level99.var},
                   {"es99", m.loss.level99.es}};
    out["top_default_sets"] = nlohmann::ordered_json::array();
    for (const auto& set : m.top_default_sets) {
        std::vector<std::string> ids;
        for (const EntityIndex e : set.entities) ids.push_back(r.network.id(e));
        std::sort(ids.begin(), ids.end());
        out["top_default_sets"].push_back(
            {{"ids", ids}, {"frequency", set.frequency}, {"count", set.count}});
    }
    out["scenarios_without_default"] = m.scenarios_without_default;
    return out.dump(2) + "\n";
}

// Text and Markdown list at most this many entities; JSON and CSV list them all.
constexpr std::size_t kEntitiesShown = 40;

/// Entities with at least one default, by pd, at most kEntitiesShown of them.
Table entity_table(const MonteCarloReport& r) {
    Table table({"entity", "type", "sigma", "lev", "pd", "95% interval", "defaults"},
                {Table::Align::left, Table::Align::left, Table::Align::right, Table::Align::right,
                 Table::Align::right, Table::Align::right, Table::Align::right});
    std::vector<EntityDefaultRate> rows = r.result.entities;
    rows.erase(std::remove_if(rows.begin(), rows.end(),
                              [](const auto& e) { return e.defaults == 0; }),
               rows.end());
    std::sort(rows.begin(), rows.end(), [&](const auto& a, const auto& b) {
        if (a.defaults != b.defaults) return a.defaults > b.defaults;
        return r.network.id(a.entity) < r.network.id(b.entity);
    });
    if (rows.size() > kEntitiesShown) rows.resize(kEntitiesShown);
    for (const auto& e : rows) {
        const Entity& entity = r.network.entity(e.entity);
        table.add_row({entity.id, entity.type, fixed(r.sigma.at(e.entity), 3),
                       fixed(leverage(entity), 2), format_percent(e.pd),
                       format_percent(e.interval.low) + " - " + format_percent(e.interval.high),
                       std::to_string(e.defaults)});
    }
    return table;
}

Table set_table(const MonteCarloReport& r) {
    Table table({"frequency", "scenarios", "defaults", "entities"},
                {Table::Align::right, Table::Align::right, Table::Align::right, Table::Align::left});
    for (const auto& set : r.result.top_default_sets) {
        table.add_row({format_percent(set.frequency), std::to_string(set.count),
                       std::to_string(set.entities.size()), ids_of(r.network, set.entities)});
    }
    return table;
}

// Machine-readable: plain numbers, every entity in network order.
std::string csv(const MonteCarloReport& r) {
    Table table({"id", "type", "sigma", "lev", "pd", "pd_low", "pd_high", "defaults"});
    for (const auto& e : r.result.entities) {
        const Entity& entity = r.network.entity(e.entity);
        table.add_row({entity.id, entity.type, format_exact(r.sigma.at(e.entity)),
                       format_exact(leverage(entity)), format_exact(e.pd),
                       format_exact(e.interval.low), format_exact(e.interval.high),
                       std::to_string(e.defaults)});
    }
    return table.csv();
}

std::string headline(const MonteCarloReport& r) {
    const MonteCarloResult& m = r.result;
    return std::string(to_string(r.model)) + " on " + r.source + ": " +
           std::to_string(m.scenarios) + " scenarios, seed " + std::to_string(m.seed) + ", rho " +
           fixed(m.rho, 2);
}

std::size_t defaulting(const MonteCarloResult& m) {
    return static_cast<std::size_t>(std::count_if(m.entities.begin(), m.entities.end(),
                                                  [](const auto& e) { return e.defaults > 0; }));
}

/// "... and N more" when the entity table was cut, else empty.
std::string more_line(const MonteCarloResult& m) {
    const std::size_t n = defaulting(m);
    if (n <= kEntitiesShown) return {};
    return "... and " + std::to_string(n - kEntitiesShown) +
           " more entities with defaults (every entity: --format json or csv)\n";
}

std::string loss_line(const MonteCarloResult& m) {
    return "mean " + format_percent(m.loss.mean) + ", VaR 95% " +
           format_percent(m.loss.level95.var) + ", ES 95% " + format_percent(m.loss.level95.es) +
           ", VaR 99% " + format_percent(m.loss.level99.var) + ", ES 99% " +
           format_percent(m.loss.level99.es);
}

}  // namespace

std::string format_percent(double share) {
    const double percent = share * 100;
    if (percent == 0) return "0%";
    char buffer[48];
    if (std::fabs(percent) >= 1e-3) {
        std::snprintf(buffer, sizeof buffer, "%.3g%%", percent);
    } else {
        std::snprintf(buffer, sizeof buffer, "%.1e%%", percent);
    }
    return buffer;
}

std::string render_montecarlo(const MonteCarloReport& r, Format format) {
    const MonteCarloResult& m = r.result;
    const std::string no_default = format_percent(
        static_cast<double>(m.scenarios_without_default) / static_cast<double>(m.scenarios));
    switch (format) {
        case Format::json:
            return json(r);
        case Format::csv:
            return csv(r);
        case Format::md: {
            std::string out = "# Monte Carlo: " + headline(r) + "\n\n";
            out += "Capital lost (share of total capital): " + loss_line(m) + ".\n\n";
            out += "Scenarios without any default: " + no_default + ".\n\n";
            out += "## Default probabilities (95% Wilson interval)\n\n";
            const Table entities = entity_table(r);
            out += entities.empty() ? "No entity defaulted in any scenario.\n" : entities.markdown();
            if (const std::string more = more_line(m); !more.empty()) out += "\n" + more;
            out += "\n## Most frequent default sets\n\n";
            const Table sets = set_table(r);
            out += sets.empty() ? "None.\n" : sets.markdown();
            return out;
        }
        case Format::text:
            break;
    }
    std::string out = "Monte Carlo: " + headline(r) + "\n\n";
    out += "capital lost (share of total capital): " + loss_line(m) + "\n";
    out += "scenarios without any default: " + no_default + "\n\n";
    const Table entities = entity_table(r);
    out += "default probability (95% Wilson interval):\n";
    out += entities.empty() ? "  no entity defaulted in any scenario\n" : entities.text();
    out += more_line(m);
    out += "\nmost frequent default sets:\n";
    const Table sets = set_table(r);
    out += sets.empty() ? "  none\n" : sets.text();
    return out;
}

}  // namespace crashchain
