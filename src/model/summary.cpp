#include "model/summary.hpp"

#include <cmath>

#include "core/amount.hpp"
#include "core/error.hpp"
#include "model/attribute_rules.hpp"

namespace crashchain {
namespace {

// Many contracts without a source: name a few, count the rest, so the list stays readable.
constexpr std::size_t kNamedWarnings = 10;

/// The first names of a group and its size: ten million contracts without a source must not
/// build ten million strings to print ten of them.
struct Group {
    std::vector<std::string> named;
    std::size_t count = 0;

    template <typename MakeName>
    void add(MakeName make_name) {
        if (named.size() < kNamedWarnings) named.push_back(make_name());
        ++count;
    }
};

void add_grouped(std::vector<std::string>& warnings, const Group& group, const std::string& what) {
    if (group.count == 0) return;
    std::string text = std::to_string(group.count) + " " + what + ": ";
    for (std::size_t i = 0; i < group.named.size(); ++i) {
        if (i > 0) text += ", ";
        text += group.named[i];
    }
    if (group.count > group.named.size()) text += ", ...";
    warnings.push_back(std::move(text));
}

}  // namespace

NetworkSummary summarize(const Network& network) {
    NetworkSummary summary;
    summary.entities = network.entity_count();
    summary.contracts = network.contract_count();
    Group no_capital, no_clearing, unknown_type, no_source;
    for (const auto& entity : network.entities()) {
        ++summary.by_type[entity.type.empty() ? "untyped" : entity.type];
        auto id = [&] { return shorten(entity.id); };
        if (!entity.effective_capital()) no_capital.add(id);
        if (!entity.assets || !entity.liabilities) no_clearing.add(id);
        if (!entity.type.empty() && !is_known_entity_type(entity.type)) {
            unknown_type.add([&] { return shorten(entity.id) + " (" + shorten(entity.type) + ")"; });
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
            no_source.add([&] {
                return shorten(network.id(contract.from)) + "->" + shorten(network.id(contract.to));
            });
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
