#include "model/attribute_rules.hpp"

#include <cmath>

#include "core/amount.hpp"

namespace crashchain {
namespace {

Diagnostic make(const SourceLocation& where, std::string_view subject, std::string message) {
    return Diagnostic{std::string(where.file), where.line, std::string(subject), std::move(message)};
}

// JSON and DOT can spell an attribute with an empty name; a CSV header cannot (its columns are
// refused without a name), so a network holding one could not be converted to CSV.
constexpr std::string_view kNoName =
    "an attribute has an empty name (expected a name such as note or source)";

std::string quoted(std::string_view value) {
    constexpr std::size_t kShown = 40;  // a 100 MB value must not become a 100 MB message
    std::string text = "\"";  // appended: `"\"" + std::string` trips GCC 12 -Wrestrict at -O3
    text += shorten(value, kShown);
    return text + "\"";
}

// Dollar figure >= 0 (or > 0 when strictly positive is required).
std::optional<Dollars> read_dollars(std::string_view key, std::string_view value, bool positive,
                                    std::string_view subject, const SourceLocation& where,
                                    Diagnostics& diagnostics) {
    auto amount = parse_amount(value);
    if (!amount) {
        diagnostics.add(make(where, subject,
                             std::string(key) + " " + quoted(value) + " is not a number (" +
                                 std::string(kAmountExpected) + ")"));
        return std::nullopt;
    }
    if (positive ? !(*amount > 0) : *amount < 0) {
        diagnostics.add(make(where, subject,
                             std::string(key) + " " + quoted(value) + " must be " +
                                 (positive ? "> 0" : ">= 0")));
        return std::nullopt;
    }
    return amount;
}

std::optional<double> read_fraction(std::string_view key, std::string_view value,
                                    std::string_view subject, const SourceLocation& where,
                                    Diagnostics& diagnostics) {
    auto number = parse_number(value);
    if (!number || *number < 0 || *number > 1) {
        diagnostics.add(make(where, subject,
                             std::string(key) + " " + quoted(value) +
                                 " must be a number between 0 and 1"));
        return std::nullopt;
    }
    return number;
}

}  // namespace

std::string shorten(std::string_view text, std::size_t limit) {
    std::size_t cut = text.size();
    if (cut > limit) {
        cut = limit;
        // Back up over UTF-8 continuation bytes (10xxxxxx) so no character is cut in half.
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    }
    std::string out;
    out.reserve(cut + 3);
    for (const char c : text.substr(0, cut)) {
        // Control characters are shown escaped, so one problem stays one line of output.
        if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
            static constexpr char kHex[] = "0123456789ABCDEF";
            out += "\\x";
            out += kHex[static_cast<unsigned char>(c) >> 4];
            out += kHex[static_cast<unsigned char>(c) & 0xF];
        } else {
            out += c;
        }
    }
    if (cut < text.size()) out += "...";
    return out;
}

std::string entity_subject(std::string_view id) { return "entity " + shorten(id); }

std::string contract_subject(std::string_view from, std::string_view to) {
    return "contract " + shorten(from) + "->" + shorten(to);
}

void apply_entity_attribute(Entity& entity, std::string_view key, std::string_view value,
                            const SourceLocation& where, Diagnostics& diagnostics) {
    if (value.empty()) return;
    const std::string subject = entity_subject(entity.id);
    if (key.empty()) {
        diagnostics.add(make(where, subject, std::string(kNoName)));
        return;
    }
    auto figure = [&](std::optional<Dollars>& field) {
        if (auto v = read_dollars(key, value, false, subject, where, diagnostics)) field = v;
    };
    if (key == "type") {
        entity.type = std::string(value);
    } else if (key == "label") {
        entity.label = std::string(value);
    } else if (key == "capital") {
        figure(entity.capital);
    } else if (key == "assets") {
        figure(entity.assets);
    } else if (key == "liabilities") {
        figure(entity.liabilities);
    } else if (key == "hardware") {
        figure(entity.hardware);
    } else if (key == "valuation") {
        figure(entity.valuation);
    } else if (key == "revenue") {
        figure(entity.revenue);
    } else {
        entity.attributes.emplace_back(std::string(key), std::string(value));
    }
}

void apply_contract_attribute(Contract& contract, ContractFieldsSeen& seen, std::string_view key,
                              std::string_view value, std::string_view subject,
                              const SourceLocation& where, Diagnostics& diagnostics) {
    if (value.empty()) return;
    if (key.empty()) {
        diagnostics.add(make(where, subject, std::string(kNoName)));
        return;
    }
    if (key == "kind") {
        seen.kind = true;
        if (auto kind = parse_contract_kind(value)) {
            contract.kind = *kind;
        } else {
            diagnostics.add(make(where, subject,
                                 "unknown kind " + quoted(value) + " (expected one of " +
                                     std::string(contract_kind_list()) + ")"));
        }
    } else if (key == "amount") {
        seen.amount = true;
        if (auto v = read_dollars(key, value, true, subject, where, diagnostics)) {
            contract.amount = *v;
        }
    } else if (key == "status") {
        if (auto status = parse_contract_status(value)) {
            contract.status = *status;
        } else {
            diagnostics.add(make(where, subject,
                                 "unknown status " + quoted(value) + " (expected one of " +
                                     std::string(contract_status_list()) + ")"));
        }
    } else if (key == "stake") {
        contract.stake = read_fraction(key, value, subject, where, diagnostics);
    } else if (key == "lgd") {
        contract.lgd = read_fraction(key, value, subject, where, diagnostics);
    } else if (key == "term") {
        auto years = parse_number(value);
        if (years && *years >= 0) {
            contract.term = years;
        } else {
            diagnostics.add(make(where, subject,
                                 "term " + quoted(value) + " must be a number of years >= 0"));
        }
    } else {
        contract.attributes.emplace_back(std::string(key), std::string(value));
    }
}

void check_contract_required(const ContractFieldsSeen& seen, std::string_view subject,
                             const SourceLocation& where, Diagnostics& diagnostics) {
    if (!seen.kind) {
        diagnostics.add(make(where, subject,
                             "missing kind (expected one of " + std::string(contract_kind_list()) +
                                 ")"));
    }
    if (!seen.amount) {
        diagnostics.add(make(where, subject,
                             "missing amount (" + std::string(kAmountExpected) + ")"));
    }
}

void check_network(const Network& network, std::string_view file, Diagnostics& diagnostics,
                   std::string_view contracts_file) {
    if (network.entity_count() == 0) {
        diagnostics.add(Diagnostic{std::string(file), std::nullopt, {},
                                   "the network is empty (expected at least one entity)"});
        return;
    }
    // Every total the models and reports compute (volume, circulation, a loss = capital share
    // + exposures, inflows + assets, ...) is bounded by this grand total, so a finite grand
    // total means no sum anywhere becomes inf. Two amounts of 1e308 are each valid, not together.
    constexpr std::string_view kBeyond =
        "add up to more than 1.8e308 dollars, beyond what a double holds";
    Dollars amounts = 0;
    for (const auto& contract : network.contracts()) amounts += contract.amount;
    Dollars figures = 0;
    for (const auto& entity : network.entities()) {
        for (const auto* figure :
             {&entity.capital, &entity.assets, &entity.liabilities, &entity.hardware}) {
            figures += figure->value_or(0);
        }
    }
    if (!std::isfinite(amounts)) {
        diagnostics.add(Diagnostic{std::string(contracts_file.empty() ? file : contracts_file),
                                   std::nullopt, {},
                                   "contract amounts " + std::string(kBeyond) +
                                       " (expected amounts in dollars whose total is finite)"});
    } else if (!std::isfinite(amounts + figures)) {
        diagnostics.add(Diagnostic{std::string(file), std::nullopt, {},
                                   "entity figures (capital, assets, liabilities, hardware) and "
                                   "contract amounts " +
                                       std::string(kBeyond) +
                                       " (expected figures in dollars whose total is finite)"});
    }
    for (const auto& entity : network.entities()) {
        if (!entity.capital && entity.assets && entity.liabilities &&
            *entity.assets < *entity.liabilities) {
            diagnostics.add(Diagnostic{
                std::string(file), std::nullopt, entity_subject(entity.id),
                "derived capital = assets - liabilities = " +
                    format_amount(*entity.assets - *entity.liabilities) +
                    " is negative (expected assets >= liabilities, or an explicit capital >= 0)"});
        }
    }
}

std::string attribute_text(double value) { return format_exact(value); }

}  // namespace crashchain
