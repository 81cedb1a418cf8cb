// `crashchain rank` output: one row per entity, by systemic impact.
#include <cstdio>

#include "core/amount.hpp"
#include "report/stress_report.hpp"
#include "report/table.hpp"

namespace crashchain {
namespace {

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

bool is_debtrank(Model model) { return model == Model::debtrank || model == Model::linear_debtrank; }

/// `impact` under the name the model's readers know.
const char* impact_name(Model model) { return is_debtrank(model) ? "DebtRank" : "impact"; }

Table rank_table(const Network& network, const RankResult& result, bool exact) {
    using A = Table::Align;
    const bool clearing = result.model == Model::clearing;
    std::vector<std::string> headers{"rank", "id", "defaults caused", "capital lost",
                                     "capital lost share", impact_name(result.model)};
    if (clearing) headers = {"rank", "id", "defaults caused", "equity lost", "equity lost share",
                             "impact", "shortfall"};
    headers.emplace_back("vulnerability");
    std::vector<A> align(headers.size(), A::right);
    align[1] = A::left;
    if (exact) {
        // CSV: machine names and exact numbers.
        headers = {"rank", "id", "defaults_caused", "capital_lost", "capital_lost_share", "impact"};
        if (is_debtrank(result.model)) headers.emplace_back("debtrank");
        if (clearing) headers.emplace_back("shortfall");
        headers.emplace_back("vulnerability");
    }
    Table table(headers, align);
    std::size_t rank = 0;
    for (const auto& e : result.entries) {
        std::vector<std::string> row{std::to_string(++rank), network.id(e.entity),
                                     std::to_string(e.defaults_caused)};
        if (exact) {
            row.push_back(format_exact(e.capital_lost));
            row.push_back(format_exact(e.capital_lost_share));
            row.push_back(format_exact(e.impact));
            if (e.debtrank) row.push_back(format_exact(*e.debtrank));
            if (e.shortfall) row.push_back(format_exact(*e.shortfall));
        } else {
            row.push_back(format_amount(e.capital_lost));
            row.push_back(percent(e.capital_lost_share));
            row.push_back(fixed(e.impact, 4));
            if (e.shortfall) row.push_back(format_amount(*e.shortfall));
        }
        row.push_back(std::to_string(e.vulnerability));
        table.add_row(std::move(row));
    }
    return table;
}

std::string explanation(const RankResult& result) {
    const bool clearing = result.model == Model::clearing;
    return std::string("Every entity defaulted alone (") + std::to_string(result.entity_count) +
           (result.entity_count == 1 ? " run" : " runs") + "), sorted by " +
           impact_name(result.model) +
           (clearing ? " (share of the unshocked network's equity lost by the others)"
                     : " (share of the system's capital lost by the others)") +
           ", then defaults caused, then id. Vulnerability: how many single defaults put the "
           "entity in default.";
}

}  // namespace

std::string render_rank(const Network& network, const RankResult& result, std::string_view name,
                        Format format) {
    switch (format) {
        case Format::json: {
            nlohmann::ordered_json out;
            out["model"] = std::string(to_string(result.model));
            out["runs"] = result.entity_count;
            auto rows = nlohmann::ordered_json::array();
            std::size_t rank = 0;
            for (const auto& e : result.entries) {
                nlohmann::ordered_json row;
                row["rank"] = ++rank;
                row["id"] = network.id(e.entity);
                row["defaults_caused"] = e.defaults_caused;
                row["capital_lost"] = e.capital_lost;
                row["capital_lost_share"] = e.capital_lost_share;
                row["impact"] = e.impact;
                if (e.debtrank) row["debtrank"] = *e.debtrank;
                if (e.shortfall) row["shortfall"] = *e.shortfall;
                row["vulnerability"] = e.vulnerability;
                rows.push_back(std::move(row));
            }
            out["ranking"] = std::move(rows);
            return out.dump(2) + "\n";
        }
        case Format::csv:
            return rank_table(network, result, true).csv();
        case Format::md:
            return "# " + std::string(to_string(result.model)) + " ranking of " +
                   std::string(name) + "\n\n" + explanation(result) + "\n\n" +
                   rank_table(network, result, false).markdown();
        case Format::text:
            break;
    }
    return std::string(to_string(result.model)) + " ranking of " + std::string(name) + "\n" +
           explanation(result) + "\n\n" + rank_table(network, result, false).text();
}

}  // namespace crashchain
