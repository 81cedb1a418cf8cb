#include "model/summary.hpp"

#include <cmath>

#include "core/amount.hpp"
#include "core/error.hpp"

namespace crashchain {
namespace {

// Many contracts without a source: name a few, count the rest, so the list stays readable.
constexpr std::size_t kNamedWarnings = 10;

void add_grouped(std::vector<std::string>& warnings, const std::vector<std::string>& items,
                 const std::string& what) {
    if (items.empty()) return;
    std::string text = std::to_string(items.size()) + " " + what + ": ";
    for (std::size_t i = 0; i < items.size() && i < kNamedWarnings; ++i) {
        if (i > 0) text += ", ";
        text += items[i];
    }
    if (items.size() > kNamedWarnings) text += ", ...";
    warnings.push_back(std::move(text));
}

}  // namespace

NetworkSummary summarize(const Network& network) {
    NetworkSummary summary;
    summary.entities = network.entity_count();
    summary.contracts = network.contract_count();
    std::vector<std::string> no_capital, no_clearing, unknown_type, no_source;
    for (const auto& entity : network.entities()) {
        ++summary.by_type[entity.type.empty() ? "untyped" : entity.type];
        if (!entity.effective_capital()) no_capital.push_back(entity.id);
        if (!entity.assets || !entity.liabilities) no_clearing.push_back(entity.id);
        if (!entity.type.empty() && !is_known_entity_type(entity.type)) {
            unknown_type.push_back(entity.id + " (" + entity.type + ")");
        }
    }
    for (const auto& contract : network.contracts()) {
        summary.volume += contract.amount;
        auto& kind = summary.by_kind[std::string(to_string(contract.kind))];
        ++kind.count;
        kind.volume += contract.amount;
        auto& status = summary.by_status[std::string(to_string(contract.status))];
        ++status.count;
        status.volume += contract.amount;
        if (contract.from == contract.to) ++summary.self_loops;
        if (find_attribute(contract.attributes, "source").empty()) {
            no_source.push_back(network.id(contract.from) + "->" + network.id(contract.to));
        }
    }
    if (!std::isfinite(summary.volume)) {
        throw InputError("the total contract volume overflows a double (amounts too large)");
    }
    add_grouped(summary.warnings, no_capital,
                "entities without capital (furfine/debtrank need it)");
    add_grouped(summary.warnings, no_clearing,
                "entities without assets and liabilities (clearing needs them)");
    add_grouped(summary.warnings, unknown_type,
                "entities of a type outside " + std::string(entity_type_list()));
    add_grouped(summary.warnings, no_source, "contracts without source");
    return summary;
}

}  // namespace crashchain
