// DOT output that reads back to the same network: every entity declared (isolated ones too)
// before the contracts, contracts in order, amounts exact, ids quoted where needed.
#include <ostream>
#include <string>

#include "io/columns.hpp"
#include "io/load.hpp"
#include "model/attribute_rules.hpp"

namespace crashchain {
namespace {

bool is_plain_id(std::string_view text) {
    if (text.empty()) return false;
    const auto alpha = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    };
    if (!alpha(text.front())) return false;
    for (const char c : text) {
        if (!alpha(c) && !(c >= '0' && c <= '9')) return false;
    }
    std::string lower(text);
    for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return lower != "node" && lower != "edge" && lower != "graph" && lower != "digraph" &&
           lower != "subgraph" && lower != "strict";
}

bool is_numeral(std::string_view text) {  // DOT: [-]?(.[0-9]+ | [0-9]+(.[0-9]*)?)
    if (!text.empty() && text.front() == '-') text.remove_prefix(1);
    if (text.empty() || text == ".") return false;
    std::size_t dots = 0;
    for (const char c : text) {
        if (c == '.') ++dots;
        else if (c < '0' || c > '9') return false;
    }
    return dots <= 1;
}

/// `<...>` with balanced angle brackets: written as a DOT HTML string, which the reader turns
/// back into the same text.
bool is_html_like(std::string_view text) {
    if (text.size() < 2 || text.front() != '<' || text.back() != '>') return false;
    int depth = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        depth += text[i] == '<' ? 1 : text[i] == '>' ? -1 : 0;
        if (depth == 0 && i + 1 < text.size()) return false;
    }
    return depth == 0;
}

/// A DOT id for `text`. Inside quotes cgraph reads \" as a quote, keeps \\ as two backslashes
/// and drops backslash-newline, so an odd run of backslashes before a quote, a line break or the
/// end of the text cannot be written.
std::string dot_id(std::string_view text, const std::string& subject) {
    if (is_plain_id(text) || is_numeral(text) || is_html_like(text)) return std::string(text);
    std::string out = "\"";
    std::size_t backslashes = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        const char c = i < text.size() ? text[i] : '\0';
        if (c != '\\') {
            if (backslashes % 2 == 1 && (c == '"' || c == '\n' || i == text.size())) {
                throw InputError(Diagnostic{{}, std::nullopt, subject,
                                            "text \"" + shorten(text) +
                                                "\" cannot be written in DOT (an odd number of "
                                                "backslashes before a quote, line break or end)"});
            }
            backslashes = 0;
        } else {
            ++backslashes;
        }
        if (i == text.size()) break;
        if (c == '"') out += '\\';
        out += c;
    }
    return out + "\"";
}

/// cgraph reads an object name (graph, node, edge key) that starts with % as one of its internal
/// names and loses it, so such a name cannot be written.
void check_name(std::string_view name, const std::string& subject, std::string_view what) {
    if (name.empty() || name.front() != '%') return;
    throw InputError(Diagnostic{{}, std::nullopt, subject,
                                std::string(what) + " \"" + shorten(name) +
                                    "\" cannot be written in DOT: Graphviz reads a name starting "
                                    "with % as an internal one and loses it (rename it)"});
}

void write_attributes(std::ostream& out, const std::vector<detail::Field>& fields,
                      const Attributes& attributes, const std::string& subject) {
    if (fields.empty() && attributes.empty()) return;
    const char* separator = " [";
    for (const auto& field : fields) {
        out << separator << field.name << '=' << dot_id(field.text, subject);
        separator = ", ";
    }
    for (const auto& [key, value] : attributes) {
        out << separator << dot_id(key, subject) << '=' << dot_id(value, subject);
        separator = ", ";
    }
    out << ']';
}

}  // namespace

void write_dot(std::ostream& out, const Network& network) {
    out << "digraph";
    check_name(network.name, "graph name", "name");
    if (!network.name.empty()) out << ' ' << dot_id(network.name, "graph name");
    out << " {\n";
    if (!network.graph_attributes.empty()) {
        out << "  graph";
        write_attributes(out, {}, network.graph_attributes, "graph attributes");
        out << ";\n";
    }
    for (const auto& entity : network.entities()) {
        const std::string subject = entity_subject(entity.id);
        check_name(entity.id, subject, "id");
        out << "  " << dot_id(entity.id, subject);
        write_attributes(out, detail::entity_fields(entity), entity.attributes, subject);
        out << ";\n";
    }
    for (const auto& contract : network.contracts()) {
        const std::string& from = network.id(contract.from);
        const std::string& to = network.id(contract.to);
        const std::string subject = contract_subject(from, to);
        check_name(find_attribute(contract.attributes, "key"), subject, "key");
        out << "  " << dot_id(from, subject) << " -> " << dot_id(to, subject);
        write_attributes(out, detail::contract_fields(contract), contract.attributes, subject);
        out << ";\n";
    }
    out << "}\n";
}

}  // namespace crashchain
