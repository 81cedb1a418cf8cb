#include "report/summary_report.hpp"

#include <nlohmann/json.hpp>

#include "core/amount.hpp"
#include "report/table.hpp"

namespace crashchain {
namespace {

Table kind_table(const std::map<std::string, KindTotals>& totals, const std::string& header) {
    Table table({header, "contracts", "volume"},
                {Table::Align::left, Table::Align::right, Table::Align::right});
    for (const auto& [name, t] : totals) {
        table.add_row({name, std::to_string(t.count), format_amount(t.volume)});
    }
    return table;
}

Table type_table(const NetworkSummary& summary) {
    Table table({"type", "entities"}, {Table::Align::left, Table::Align::right});
    for (const auto& [name, count] : summary.by_type) table.add_row({name, std::to_string(count)});
    return table;
}

std::string json(const NetworkSummary& summary) {
    nlohmann::ordered_json out;
    out["entities"] = summary.entities;
    out["contracts"] = summary.contracts;
    out["volume"] = summary.volume;
    out["by_kind"] = nlohmann::ordered_json::object();
    for (const auto& [name, t] : summary.by_kind) {
        out["by_kind"][name] = {{"contracts", t.count}, {"volume", t.volume}};
    }
    out["by_type"] = nlohmann::ordered_json::object();
    for (const auto& [name, count] : summary.by_type) out["by_type"][name] = count;
    out["by_status"] = nlohmann::ordered_json::object();
    for (const auto& [name, t] : summary.by_status) {
        out["by_status"][name] = {{"contracts", t.count}, {"volume", t.volume}};
    }
    out["self_loops"] = summary.self_loops;
    out["warnings"] = summary.warnings;
    return out.dump(2) + "\n";
}

}  // namespace

std::string render_summary(const NetworkSummary& summary, std::string_view name, Format format) {
    switch (format) {
        case Format::json:
            return json(summary);
        case Format::csv:
            return kind_table(summary.by_kind, "kind").csv();
        case Format::md: {
            std::string out = "# " + std::string(name) + "\n\n";
            out += std::to_string(summary.entities) + " entities, " +
                   std::to_string(summary.contracts) + " contracts, volume " +
                   format_amount(summary.volume) + ".\n\n";
            out += kind_table(summary.by_kind, "kind").markdown() + "\n";
            out += kind_table(summary.by_status, "status").markdown() + "\n";
            out += type_table(summary).markdown();
            if (!summary.warnings.empty()) {
                out += "\n## Warnings\n\n";
                for (const auto& w : summary.warnings) out += "- " + w + "\n";
            }
            return out;
        }
        case Format::text:
            break;
    }
    std::string out = std::string(name) + ": " + std::to_string(summary.entities) + " entities, " +
                      std::to_string(summary.contracts) + " contracts, volume " +
                      format_amount(summary.volume) + "\n\n";
    out += kind_table(summary.by_kind, "kind").text() + "\n";
    out += kind_table(summary.by_status, "status").text() + "\n";
    out += type_table(summary).text();
    if (!summary.warnings.empty()) {
        out += "\nwarnings:\n";
        for (const auto& w : summary.warnings) out += "  " + w + "\n";
    }
    return out;
}

}  // namespace crashchain
