#include "report/stress_report.hpp"

#include <algorithm>
#include <cstdio>

#include "core/amount.hpp"
#include "report/table.hpp"

namespace crashchain {
namespace {

/// Rows in a terminal or Markdown table; CSV and JSON always list every entity.
constexpr std::size_t kTableRows = 200;

std::string percent(double share) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f%%", 100 * share);
    return buffer;
}

std::string fixed(double value, int decimals) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

std::string scientific(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1e", value);
    return buffer;
}

bool is_debtrank(Model model) { return model == Model::debtrank || model == Model::linear_debtrank; }

/// The per-entity fields each model defines (SPEC 4 order).
struct Columns {
    bool loss, capital, capital_lost, h, clearing;
};
Columns columns(Model model) {
    if (model == Model::clearing) return {false, false, false, false, true};
    if (is_debtrank(model)) return {false, true, true, true, false};
    return {true, true, true, false, false};
}

std::vector<std::string> sorted_ids(const Network& network, const std::vector<EntityIndex>& ids) {
    std::vector<std::string> out;
    out.reserve(ids.size());
    for (EntityIndex i : ids) out.push_back(network.id(i));
    std::sort(out.begin(), out.end());
    return out;
}

std::string options_line(const StressContext& context) {
    const auto& o = context.options;
    if (o.model == Model::clearing) {
        return "alpha " + format_exact(o.alpha) + ", beta " + format_exact(o.beta) +
               ", external creditors " +
               (o.external == ExternalSeniority::senior ? "senior" : "pari passu");
    }
    std::string text = "lgd: ";
    bool any = false;
    for (ContractKind kind : kAllContractKinds) {
        const auto& v = o.lgd_override[static_cast<std::size_t>(kind)];
        if (!v) continue;
        text += std::string(any ? ", " : "") + std::string(to_string(kind)) + " " +
                format_exact(*v);
        any = true;
    }
    return any ? text + " (--lgd); other kinds and per-contract lgd as given"
               : "lgd: kind defaults and per-contract lgd";
}

/// The entities shown in text/Markdown: all of a small network, else the most affected.
std::vector<const EntityOutcome*> table_entities(const StressResult& result) {
    std::vector<const EntityOutcome*> rows;
    for (const auto& e : result.entities) rows.push_back(&e);
    if (rows.size() <= kTableRows) return rows;
    auto severity = [](const EntityOutcome* e) {
        return e->status == EntityStatus::defaulted ? 0 : e->status == EntityStatus::distressed ? 1 : 2;
    };
    std::stable_sort(rows.begin(), rows.end(), [&](const auto* a, const auto* b) {
        if (severity(a) != severity(b)) return severity(a) < severity(b);
        const int ra = a->round.value_or(1 << 30), rb = b->round.value_or(1 << 30);
        if (ra != rb) return ra < rb;
        return a->capital_lost.value_or(0) > b->capital_lost.value_or(0);
    });
    rows.resize(kTableRows);
    return rows;
}

Table entity_table(const Network& network, const StressResult& result) {
    const Columns c = columns(result.model);
    using A = Table::Align;
    std::vector<std::string> headers{"id", "status", "round"};
    std::vector<A> align{A::left, A::left, A::right};
    auto add = [&](bool on, const char* name) {
        if (!on) return;
        headers.emplace_back(name);
        align.push_back(A::right);
    };
    add(c.h, "h");
    add(c.loss, "loss");
    add(c.capital, "capital");
    add(c.capital_lost, "capital lost");
    add(c.clearing, "payment");
    add(c.clearing, "obligations");
    add(c.clearing, "recovery");
    add(c.clearing, "equity");
    Table table(headers, align);
    for (const auto* e : table_entities(result)) {
        std::vector<std::string> row{network.id(e->entity), std::string(to_string(e->status)),
                                     e->round ? std::to_string(*e->round) : "-"};
        if (c.h) row.push_back(fixed(*e->h, 4));
        if (c.loss) row.push_back(format_amount(*e->loss));
        if (c.capital) row.push_back(format_amount(*e->capital));
        if (c.capital_lost) row.push_back(format_amount(*e->capital_lost));
        if (c.clearing) {
            row.push_back(format_amount(*e->payment));
            row.push_back(format_amount(*e->obligations));
            row.push_back(percent(*e->recovery));
            row.push_back(format_amount(*e->equity));
        }
        table.add_row(std::move(row));
    }
    return table;
}

std::vector<std::string> summary_lines(const StressResult& result) {
    const auto& s = result.summary;
    std::vector<std::string> lines;
    lines.push_back("defaults: " + std::to_string(s.defaults) + " of " +
                    std::to_string(result.entities.size()) + " entities");
    if (result.model == Model::clearing) {
        lines.push_back("shortfall: " + format_amount(s.shortfall.value_or(0)) +
                        " (external creditors lose " + format_amount(s.external_loss.value_or(0)) +
                        ")");
        lines.push_back("equity lost against the unshocked network: " +
                        format_amount(s.capital_lost.value_or(0)) + " (" +
                        percent(s.capital_lost_share.value_or(0)) + ")");
        lines.push_back(std::string("clearing vector unique: ") +
                        (s.unique.value_or(true) ? "yes" : "no (least and greatest differ)") +
                        "; residual " + scientific(s.residual.value_or(0)));
        return lines;
    }
    lines.push_back("capital lost: " + format_amount(s.capital_lost.value_or(0)) + " (" +
                    percent(s.capital_lost_share.value_or(0)) + " of the system's capital)");
    if (s.debtrank) lines.push_back("DebtRank: " + fixed(*s.debtrank, 4));
    if (s.converged) {
        lines.push_back(*s.converged ? "converged in " + std::to_string(s.steps.value_or(0)) + " steps"
                                     : "NOT converged after " + std::to_string(s.steps.value_or(0)) +
                                           " steps");
    }
    return lines;
}

std::string title(const StressContext& context, Model model) {
    return std::string(to_string(model)) + " stress test of " + context.name;
}

std::string text(const StressContext& context, const StressResult& result) {
    std::string out = title(context, result.model) + " (" + options_line(context) + ")\n\n";
    for (const auto& line : crash_chain(context, result)) out += line + "\n";
    out += "\n" + entity_table(context.network, result).text();
    if (result.entities.size() > kTableRows) {
        out += "(the " + std::to_string(kTableRows) + " most affected of " +
               std::to_string(result.entities.size()) + " entities; --format csv lists all)\n";
    }
    out += "\n";
    for (const auto& line : summary_lines(result)) out += line + "\n";
    return out;
}

std::string markdown(const StressContext& context, const StressResult& result) {
    std::string out = "# " + title(context, result.model) + "\n\n" + options_line(context) + ".\n\n";
    out += "## Crash chain\n\n";
    for (const auto& line : crash_chain(context, result)) {
        // Indented chain lines (the entities hit but not in default) nest under the previous.
        out += line.rfind("  ", 0) == 0 ? "  - " + line.substr(2) + "\n" : "- " + line + "\n";
    }
    out += "\n## Entities\n\n" + entity_table(context.network, result).markdown();
    if (result.entities.size() > kTableRows) {
        out += "\nThe " + std::to_string(kTableRows) + " most affected of " +
               std::to_string(result.entities.size()) + " entities.\n";
    }
    out += "\n## Summary\n\n";
    for (const auto& line : summary_lines(result)) out += "- " + line + "\n";
    return out;
}

std::string csv(const Network& network, const StressResult& result) {
    const Columns c = columns(result.model);
    std::string out = "id,status,round";
    if (c.loss) out += ",loss";
    if (c.capital) out += ",capital";
    if (c.capital_lost) out += ",capital_lost";
    if (c.h) out += ",h";
    if (c.clearing) out += ",payment,obligations,recovery,equity";
    out += ",default\n";
    for (const auto& e : result.entities) {
        out += csv_field(network.id(e.entity)) + "," + std::string(to_string(e.status)) + "," +
               (e.round ? std::to_string(*e.round) : "");
        if (c.loss) out += "," + format_exact(*e.loss);
        if (c.capital) out += "," + format_exact(*e.capital);
        if (c.capital_lost) out += "," + format_exact(*e.capital_lost);
        if (c.h) out += "," + format_exact(*e.h);
        if (c.clearing) {
            out += "," + format_exact(*e.payment) + "," + format_exact(*e.obligations) + "," +
                   format_exact(*e.recovery) + "," + format_exact(*e.equity);
        }
        out += e.defaulted ? ",true\n" : ",false\n";
    }
    return out;
}

}  // namespace

nlohmann::ordered_json stress_json(const Network& network, const StressResult& result) {
    using json = nlohmann::ordered_json;
    json out;
    out["model"] = std::string(to_string(result.model));
    json entities = json::array();
    for (const auto& e : result.entities) {
        json row;
        row["id"] = network.id(e.entity);
        row["status"] = std::string(to_string(e.status));
        row["round"] = e.round ? json(*e.round) : json(nullptr);
        if (e.loss) row["loss"] = *e.loss;
        if (e.capital) row["capital"] = *e.capital;
        if (e.capital_lost) row["capital_lost"] = *e.capital_lost;
        if (e.h) row["h"] = *e.h;
        if (e.payment) row["payment"] = *e.payment;
        if (e.obligations) row["obligations"] = *e.obligations;
        if (e.recovery) row["recovery"] = *e.recovery;
        if (e.equity) row["equity"] = *e.equity;
        row["default"] = e.defaulted;
        entities.push_back(std::move(row));
    }
    out["entities"] = std::move(entities);
    json rounds = json::array();
    for (const auto& r : result.rounds) {
        rounds.push_back({{"round", r.round}, {"defaults", sorted_ids(network, r.defaults)}});
    }
    out["rounds"] = std::move(rounds);
    const auto& s = result.summary;
    json summary;
    summary["defaults"] = s.defaults;
    if (s.capital_lost) summary["capital_lost"] = *s.capital_lost;
    if (s.capital_lost_share) summary["capital_lost_share"] = *s.capital_lost_share;
    if (s.debtrank) summary["debtrank"] = *s.debtrank;
    if (s.converged) {
        summary["converged"] = *s.converged;
        summary["steps"] = s.steps.value_or(0);
    }
    if (s.shortfall) summary["shortfall"] = *s.shortfall;
    if (s.external_loss) summary["external_loss"] = *s.external_loss;
    if (s.unique) summary["unique"] = *s.unique;
    if (s.residual) summary["residual"] = *s.residual;
    out["summary"] = std::move(summary);
    return out;
}

std::string render_stress(const StressContext& context, const StressResult& result,
                          Format format) {
    switch (format) {
        case Format::json:
            return stress_json(context.network, result).dump(2) + "\n";
        case Format::csv:
            return csv(context.network, result);
        case Format::md:
            return markdown(context, result);
        case Format::text:
            break;
    }
    return text(context, result);
}

}  // namespace crashchain
