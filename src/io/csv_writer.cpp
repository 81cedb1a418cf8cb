// CSV output: contracts (from,to,kind,amount, known columns present in any contract, then the
// pass-through attributes) and entities (id, known columns, attributes). Fields are quoted per
// RFC 4180 when they hold a comma, quote or line break, or blanks at either end (the reader
// trims unquoted fields).
#include <algorithm>
#include <ostream>
#include <string>

#include "io/columns.hpp"
#include "io/load.hpp"

namespace crashchain {
namespace {

void append_field(std::string& line, std::string_view text) {
    const bool needs_quotes =
        text.find_first_of(",\"\r\n") != std::string_view::npos ||
        (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.back() == ' ' ||
                           text.back() == '\t'));
    if (!needs_quotes) {
        line += text;
        return;
    }
    line += '"';
    for (const char c : text) {
        if (c == '"') line += '"';
        line += c;
    }
    line += '"';
}

/// Attribute keys in first-seen order: one column each. Elements whose attributes come in a
/// different relative order get them in column order (CSV has one order per file).
template <typename Items>
std::vector<std::string> attribute_columns(const Items& items) {
    std::vector<std::string> columns;
    for (const auto& item : items) {
        for (const auto& [key, value] : item.attributes) {
            if (std::find(columns.begin(), columns.end(), key) == columns.end()) {
                columns.push_back(key);
            }
        }
    }
    return columns;
}

/// Known columns used by at least one element (the first `always` ones in any case), in the
/// fixed order.
template <typename Items, typename FieldsOf>
std::vector<std::string_view> known_columns(const Items& items,
                                            const std::vector<std::string_view>& all,
                                            std::size_t always, FieldsOf fields_of) {
    std::vector<bool> used(all.size(), false);
    std::fill_n(used.begin(), always, true);
    for (const auto& item : items) {
        for (const auto& field : fields_of(item)) {
            used[static_cast<std::size_t>(std::find(all.begin(), all.end(), field.name) -
                                          all.begin())] = true;
        }
    }
    std::vector<std::string_view> columns;
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (used[i]) columns.push_back(all[i]);
    }
    return columns;
}

void append_row(std::string& line, const std::vector<detail::Field>& fields,
                const std::vector<std::string_view>& known, const Attributes& attributes,
                const std::vector<std::string>& extra) {
    std::size_t next = 0;
    for (const auto name : known) {
        line += ',';
        if (next < fields.size() && fields[next].name == name) append_field(line, fields[next++].text);
    }
    for (const auto& key : extra) {
        line += ',';
        append_field(line, find_attribute(attributes, key));
    }
}

void append_header(std::string& line, const std::vector<std::string_view>& known,
                   const std::vector<std::string>& extra) {
    for (const auto name : known) {
        line += ',';
        line += name;
    }
    for (const auto& key : extra) {
        line += ',';
        append_field(line, key);
    }
    line += '\n';
}

}  // namespace

void write_csv(std::ostream& edges, std::ostream& nodes, const Network& network) {
    detail::check_reserved_attributes(network, "CSV");
    const auto entity_known =
        known_columns(network.entities(), detail::entity_field_names(), 0, detail::entity_fields);
    const auto entity_extra = attribute_columns(network.entities());
    std::string line = "id";
    append_header(line, entity_known, entity_extra);
    nodes << line;
    for (const auto& entity : network.entities()) {
        line.clear();
        append_field(line, entity.id);
        append_row(line, detail::entity_fields(entity), entity_known, entity.attributes,
                   entity_extra);
        line += '\n';
        nodes << line;
    }

    const auto contract_known = known_columns(network.contracts(), detail::contract_field_names(),
                                              2, detail::contract_fields);  // kind, amount
    const auto contract_extra = attribute_columns(network.contracts());
    line = "from,to";
    append_header(line, contract_known, contract_extra);
    edges << line;
    for (const auto& contract : network.contracts()) {
        line.clear();
        append_field(line, network.id(contract.from));
        line += ',';
        append_field(line, network.id(contract.to));
        append_row(line, detail::contract_fields(contract), contract_known, contract.attributes,
                   contract_extra);
        line += '\n';
        edges << line;
    }
}

}  // namespace crashchain
