#include "io/columns.hpp"

#include <cmath>

#include "core/amount.hpp"
#include "core/error.hpp"
#include "model/attribute_rules.hpp"

namespace crashchain::detail {

std::string dollars_text(Dollars value) {
    // `118.9B` reads better than `1.189e+11`; used only when it parses back bit-identical.
    static constexpr std::pair<double, char> kUnits[] = {{1e12, 'T'}, {1e9, 'B'}, {1e6, 'M'}, {1e3, 'K'}};
    constexpr std::size_t kMaxDigits = 8;
    for (const auto& [unit, suffix] : kUnits) {
        if (std::fabs(value) < unit) continue;
        std::string text = format_exact(value / unit);
        if (text.size() <= kMaxDigits && text.find('e') == std::string::npos) {
            text += suffix;
            if (parse_amount(text) == value) return text;
        }
        break;
    }
    return format_exact(value);
}

const std::vector<std::string_view>& entity_field_names() {
    static const std::vector<std::string_view> names{
        "type", "label", "capital", "assets", "liabilities", "hardware", "valuation", "revenue"};
    return names;
}

const std::vector<std::string_view>& contract_field_names() {
    static const std::vector<std::string_view> names{"kind", "amount", "status",
                                                     "stake", "lgd", "term"};
    return names;
}

std::vector<Field> entity_fields(const Entity& entity) {
    std::vector<Field> fields;
    if (!entity.type.empty()) fields.push_back({"type", entity.type, std::nullopt});
    if (!entity.label.empty()) fields.push_back({"label", entity.label, std::nullopt});
    auto figure = [&](std::string_view name, const std::optional<Dollars>& value) {
        if (value) fields.push_back({name, dollars_text(*value), *value});
    };
    figure("capital", entity.capital);
    figure("assets", entity.assets);
    figure("liabilities", entity.liabilities);
    figure("hardware", entity.hardware);
    figure("valuation", entity.valuation);
    figure("revenue", entity.revenue);
    return fields;
}

std::vector<Field> contract_fields(const Contract& contract) {
    std::vector<Field> fields;
    fields.push_back({"kind", std::string(to_string(contract.kind)), std::nullopt});
    fields.push_back({"amount", dollars_text(contract.amount), contract.amount});
    if (contract.status != ContractStatus::signed_) {
        fields.push_back({"status", std::string(to_string(contract.status)), std::nullopt});
    }
    auto number = [&](std::string_view name, const std::optional<double>& value) {
        if (value) fields.push_back({name, attribute_text(*value), *value});
    };
    number("stake", contract.stake);
    number("lgd", contract.lgd);
    number("term", contract.term);
    return fields;
}

void check_reserved_attributes(const Network& network, std::string_view format) {
    Diagnostics diagnostics;
    auto reserved = [&](std::string subject, std::string_view key, std::string_view role) {
        diagnostics.add(Diagnostic{{}, std::nullopt, std::move(subject),
                                   "attribute \"" + std::string(key) + "\" cannot be written to " +
                                       std::string(format) + ", where it names " +
                                       std::string(role) + " (rename the attribute)"});
    };
    for (const auto& entity : network.entities()) {
        for (const auto& [key, value] : entity.attributes) {
            if (key == "id") reserved(entity_subject(entity.id), key, "the entity");
        }
    }
    for (const auto& contract : network.contracts()) {
        for (const auto& [key, value] : contract.attributes) {
            if (key == "from" || key == "to") {
                reserved(contract_subject(network.id(contract.from), network.id(contract.to)), key,
                         key == "from" ? "the source entity" : "the target entity");
            }
        }
    }
    diagnostics.throw_if_any();
}

}  // namespace crashchain::detail
