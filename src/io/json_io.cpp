// JSON input and output (SPEC 1.1): {"name", "graph":{..}, "entities":[{"id",..}],
// "contracts":[{"from","to","kind","amount",..}]}. Amounts may be numbers or amount strings
// ("100B"); null means absent; arrays and objects are kept as their JSON text. Diagnostics
// name the element (contracts[17]) and its line.
#include <iterator>
#include <nlohmann/json.hpp>
#include <ostream>

#include "core/amount.hpp"
#include "io/columns.hpp"
#include "io/load.hpp"
#include "io/locate.hpp"
#include "model/attribute_rules.hpp"

namespace crashchain {
namespace {

using Json = nlohmann::ordered_json;  // keeps attribute order

constexpr std::string_view kShape =
    R"(expected {"entities": [{"id": ...}], "contracts": [{"from": .., "to": .., "kind": .., "amount": ..}]})";

/// Attribute text of a JSON value, or nullopt for null (absent).
std::optional<std::string> text_of(const Json& value) {
    switch (value.type()) {
        case Json::value_t::null: return std::nullopt;
        case Json::value_t::string: return value.get<std::string>();
        case Json::value_t::boolean: return value.get<bool>() ? "true" : "false";
        case Json::value_t::number_integer: return std::to_string(value.get<std::int64_t>());
        case Json::value_t::number_unsigned: return std::to_string(value.get<std::uint64_t>());
        case Json::value_t::number_float: return format_exact(value.get<double>());
        default: return value.dump();
    }
}

std::string element(std::string_view array, std::size_t i) {
    return std::string(array) + "[" + std::to_string(i) + "]";
}

/// Converts the parsed document; `lines` (when given) adds line numbers to diagnostics.
Network convert(const Json& doc, std::string_view file, const detail::JsonElementLines* lines,
                Diagnostics& diagnostics) {
    Network network;
    auto line_of = [&](const std::vector<std::size_t> detail::JsonElementLines::*array,
                       std::size_t i) -> std::optional<std::size_t> {
        if (lines == nullptr || i >= (lines->*array).size()) return std::nullopt;
        return (lines->*array)[i];
    };
    auto problem = [&](std::optional<std::size_t> line, std::string subject, std::string message) {
        diagnostics.add(Diagnostic{std::string(file), line, std::move(subject), std::move(message)});
    };
    if (!doc.is_object()) {
        problem(std::nullopt, {}, "the document is not an object (" + std::string(kShape) + ")");
        return network;
    }
    for (const auto& [key, value] : doc.items()) {
        if (key != "name" && key != "graph" && key != "entities" && key != "contracts") {
            problem(std::nullopt, {}, "unknown key \"" + key +
                                          "\" (expected entities, contracts, and optionally name, graph)");
        }
    }
    if (auto it = doc.find("name"); it != doc.end() && !it->is_null()) {
        if (it->is_string()) network.name = it->get<std::string>();
        else problem(std::nullopt, {}, "\"name\" is not a string");
    }
    if (auto it = doc.find("graph"); it != doc.end() && !it->is_null()) {
        if (!it->is_object()) {
            problem(std::nullopt, {}, "\"graph\" is not an object of attributes");
        } else {
            for (const auto& [key, value] : it->items()) {
                if (auto text = text_of(value); text && !text->empty()) {
                    network.graph_attributes.emplace_back(key, std::move(*text));
                }
            }
        }
    }
    const auto entities = doc.find("entities");
    if (entities == doc.end() || !entities->is_array()) {
        problem(std::nullopt, {}, "no \"entities\" array (" + std::string(kShape) + ")");
        return network;
    }
    const auto contracts = doc.find("contracts");
    const bool has_contracts = contracts != doc.end() && !contracts->is_null();
    if (has_contracts && !contracts->is_array()) {
        problem(std::nullopt, {}, "\"contracts\" is not an array (" + std::string(kShape) + ")");
        return network;
    }
    network.reserve(entities->size(), has_contracts ? contracts->size() : 0);
    std::vector<std::size_t> position;  // entities[] index of each entity, for duplicates
    for (std::size_t i = 0; i < entities->size(); ++i) {
        const Json& item = (*entities)[i];
        const auto line = line_of(&detail::JsonElementLines::entities, i);
        auto id = item.is_object() && item.contains("id") ? text_of(item["id"]) : std::nullopt;
        if (!item.is_object() || !id || id->empty() || item["id"].is_structured()) {
            problem(line, element("entities", i), "expected an object with a string \"id\"");
            continue;
        }
        if (auto found = network.find(*id)) {
            problem(line, entity_subject(*id) + " (" + element("entities", i) + ")",
                    "duplicate id (first at " + element("entities", position[*found]) + ")");
            continue;
        }
        Entity entity;
        entity.id = *id;
        const SourceLocation where{file, line};
        for (const auto& [key, value] : item.items()) {
            if (key == "id") continue;
            if (auto text = text_of(value)) {
                apply_entity_attribute(entity, key, *text, where, diagnostics);
            }
        }
        network.add_entity(std::move(entity));
        position.push_back(i);
    }
    if (!has_contracts) return network;
    for (std::size_t i = 0; i < contracts->size(); ++i) {
        const Json& item = (*contracts)[i];
        const auto line = line_of(&detail::JsonElementLines::contracts, i);
        const std::string path = element("contracts", i);
        if (!item.is_object()) {
            problem(line, path, R"(expected an object {"from", "to", "kind", "amount", ...})");
            continue;
        }
        auto end_of = [&](const char* key) -> std::optional<std::string> {
            if (!item.contains(key) || item[key].is_structured()) return std::nullopt;
            auto text = text_of(item[key]);
            if (text && text->empty()) return std::nullopt;
            return text;
        };
        const auto from = end_of("from");
        const auto to = end_of("to");
        if (!from || !to) {
            problem(line, path, std::string("missing \"") + (from ? "to" : "from") +
                                    "\" (expected an entity id)");
            continue;
        }
        const std::string subject = contract_subject(*from, *to) + " (" + path + ")";
        Contract contract;
        bool known = true;
        for (const auto* end : {&*from, &*to}) {
            auto found = network.find(*end);
            if (!found) {
                problem(line, subject, "entity \"" + *end + "\" is not in \"entities\"");
                known = false;
            } else {
                (end == &*from ? contract.from : contract.to) = *found;
            }
        }
        ContractFieldsSeen seen;
        const SourceLocation where{file, line};
        for (const auto& [key, value] : item.items()) {
            if (key == "from" || key == "to") continue;
            if (auto text = text_of(value)) {
                apply_contract_attribute(contract, seen, key, *text, subject, where, diagnostics);
            }
        }
        check_contract_required(seen, subject, where, diagnostics);
        if (known) network.add_contract(std::move(contract));
    }
    return network;
}

/// `[json.exception.parse_error.101] parse error at line 3, column 5: syntax error ...` ->
/// `syntax error ...` (the line goes into the diagnostic).
std::string parse_error_text(std::string what) {
    if (!what.empty() && what.front() == '[') {
        if (auto close = what.find("] "); close != std::string::npos) what.erase(0, close + 2);
    }
    if (what.rfind("parse error", 0) == 0) {
        if (auto colon = what.find(": "); colon != std::string::npos) what.erase(0, colon + 2);
    }
    return what;
}

}  // namespace

Network read_json(std::istream& in, std::string_view name) {
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    Json doc;
    try {
        doc = Json::parse(text);
    } catch (const Json::parse_error& error) {
        const std::size_t offset = error.byte > 0 ? error.byte - 1 : 0;
        throw InputError(Diagnostic{std::string(name), detail::line_of_offset(text, offset), {},
                                    "JSON " + parse_error_text(error.what())});
    } catch (const Json::exception& error) {  // e.g. a number too large for a double
        throw InputError(Diagnostic{std::string(name), std::nullopt, {},
                                    "JSON " + parse_error_text(error.what()) +
                                        " (expected finite numbers)"});
    }
    Diagnostics diagnostics;
    Network network = convert(doc, name, nullptr, diagnostics);
    if (!diagnostics.empty()) {
        // Again with line numbers, which only a file with problems needs.
        const auto lines = detail::locate_json_elements(text);
        Diagnostics located;
        convert(doc, name, &lines, located);
        located.throw_if_any();
    }
    std::optional<detail::JsonElementLines> lines;
    detail::check_network_located(network, name, [&](EntityIndex i) -> std::optional<std::size_t> {
        if (!lines) lines = detail::locate_json_elements(text);
        // Entities are added in the order of "entities" (duplicates are errors thrown above).
        if (i < lines->entities.size()) return lines->entities[i];
        return std::nullopt;
    });
    return network;
}

void write_json(std::ostream& out, const Network& network) {
    detail::check_reserved_attributes(network, "JSON");
    auto dump = [](const Json& value, const std::string& subject) {
        try {
            return value.dump();
        } catch (const Json::type_error&) {
            throw InputError(Diagnostic{{}, std::nullopt, subject,
                                        "text is not valid UTF-8 (JSON output needs UTF-8)"});
        }
    };
    auto add_fields = [](Json& object, const std::vector<detail::Field>& fields,
                         const Attributes& attributes) {
        for (const auto& field : fields) {
            if (field.number) object[std::string(field.name)] = *field.number;
            else object[std::string(field.name)] = field.text;
        }
        for (const auto& [key, value] : attributes) object[key] = value;
    };
    out << "{\n";
    if (!network.name.empty()) out << "  \"name\": " << dump(Json(network.name), "graph name") << ",\n";
    if (!network.graph_attributes.empty()) {
        Json graph = Json::object();
        for (const auto& [key, value] : network.graph_attributes) graph[key] = value;
        out << "  \"graph\": " << dump(graph, "graph attributes") << ",\n";
    }
    out << "  \"entities\": [";
    const char* separator = "\n    ";
    for (const auto& entity : network.entities()) {
        Json object = Json::object();
        object["id"] = entity.id;
        add_fields(object, detail::entity_fields(entity), entity.attributes);
        out << separator << dump(object, entity_subject(entity.id));
        separator = ",\n    ";
    }
    out << "\n  ],\n  \"contracts\": [";
    separator = "\n    ";
    for (const auto& contract : network.contracts()) {
        Json object = Json::object();
        object["from"] = network.id(contract.from);
        object["to"] = network.id(contract.to);
        add_fields(object, detail::contract_fields(contract), contract.attributes);
        out << separator
            << dump(object, contract_subject(network.id(contract.from), network.id(contract.to)));
        separator = ",\n    ";
    }
    out << (network.contracts().empty() ? "]\n}\n" : "\n  ]\n}\n");
}

}  // namespace crashchain
