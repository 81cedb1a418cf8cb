#include "io/locate.hpp"

#include <algorithm>
#include <cctype>

#include "core/error.hpp"
#include "model/attribute_rules.hpp"

namespace crashchain::detail {
namespace {

// ---- DOT tokens (the lexical rules of the Graphviz DOT language) ----

enum class Tok { id, keyword, arrow, punct };

struct Token {
    Tok kind;
    std::string text;  ///< id value as cgraph sees it; the character for punct
    std::size_t line;
};

bool id_start(unsigned char c) { return std::isalpha(c) != 0 || c == '_' || c >= 0x80; }
bool id_char(unsigned char c) { return id_start(c) || std::isdigit(c) != 0; }

bool is_keyword(std::string_view word) {
    static constexpr std::string_view kKeywords[] = {"node", "edge",     "graph",
                                                     "digraph", "subgraph", "strict"};
    return std::any_of(std::begin(kKeywords), std::end(kKeywords), [&](std::string_view k) {
        return k.size() == word.size() &&
               std::equal(k.begin(), k.end(), word.begin(), [](char a, char b) {
                   return a == std::tolower(static_cast<unsigned char>(b));
               });
    });
}

std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> tokens;
    std::size_t line = 1;
    std::size_t i = 0;
    const std::size_t n = text.size();
    auto at = [&](std::size_t k) { return k < n ? text[k] : '\0'; };
    while (i < n) {
        const char c = text[i];
        if (c == '\n') {
            ++line;
            ++i;
        } else if (std::isspace(static_cast<unsigned char>(c)) != 0) {
            ++i;
        } else if (c == '#' && (i == 0 || text[i - 1] == '\n')) {
            while (i < n && text[i] != '\n') ++i;  // preprocessor output line
        } else if (c == '/' && at(i + 1) == '/') {
            while (i < n && text[i] != '\n') ++i;
        } else if (c == '/' && at(i + 1) == '*') {
            i += 2;
            while (i < n && !(text[i] == '*' && at(i + 1) == '/')) line += text[i++] == '\n';
            i += 2;
        } else if (c == '"') {
            Token token{Tok::id, {}, line};
            ++i;
            while (i < n && text[i] != '"') {
                if (text[i] == '\\' && at(i + 1) == '"') {
                    token.text += '"';
                    i += 2;
                } else if (text[i] == '\\' && at(i + 1) == '\\') {
                    token.text += "\\\\";
                    i += 2;
                } else if (text[i] == '\\' && at(i + 1) == '\n') {
                    ++line;
                    i += 2;
                } else {
                    line += text[i] == '\n';
                    token.text += text[i++];
                }
            }
            ++i;
            tokens.push_back(std::move(token));
        } else if (c == '<') {
            Token token{Tok::id, {}, line};
            int depth = 1;
            ++i;
            while (i < n) {
                depth += text[i] == '<' ? 1 : text[i] == '>' ? -1 : 0;
                if (depth == 0) break;
                line += text[i] == '\n';
                token.text += text[i++];
            }
            ++i;
            tokens.push_back(std::move(token));
        } else if (c == '-' && (at(i + 1) == '>' || at(i + 1) == '-')) {
            tokens.push_back({Tok::arrow, std::string(text.substr(i, 2)), line});
            i += 2;
        } else if (std::isdigit(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '-') {
            const std::size_t start = i++;
            while (i < n && (std::isdigit(static_cast<unsigned char>(text[i])) != 0 || text[i] == '.')) ++i;
            tokens.push_back({Tok::id, std::string(text.substr(start, i - start)), line});
        } else if (id_start(static_cast<unsigned char>(c))) {
            const std::size_t start = i;
            while (i < n && id_char(static_cast<unsigned char>(text[i]))) ++i;
            std::string word(text.substr(start, i - start));
            const Tok kind = is_keyword(word) ? Tok::keyword : Tok::id;
            tokens.push_back({kind, std::move(word), line});
        } else {
            tokens.push_back({Tok::punct, std::string(1, c), line});
            ++i;
        }
    }
    return tokens;
}

bool is_punct(const std::vector<Token>& tokens, std::size_t i, char c) {
    return i < tokens.size() && tokens[i].kind == Tok::punct && tokens[i].text[0] == c;
}

}  // namespace

void check_network_located(const Network& network, std::string_view file,
                           const std::function<std::optional<std::size_t>(std::uint32_t)>& line_of) {
    Diagnostics diagnostics;
    check_network(network, file, diagnostics);
    try {
        diagnostics.throw_if_any();
    } catch (const InputError& error) {
        std::vector<Diagnostic> located = error.diagnostics();
        constexpr std::string_view kEntity = "entity ";
        for (auto& d : located) {
            if (d.line || d.subject.rfind(kEntity, 0) != 0) continue;
            if (auto index = network.find(std::string_view(d.subject).substr(kEntity.size()))) {
                d.line = line_of(*index);
            }
        }
        throw InputError(std::move(located));
    }
}

std::size_t line_of_offset(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

std::vector<std::size_t> dot_graph_lines(std::string_view text) {
    std::vector<std::size_t> lines;
    int depth = 0;
    for (const Token& token : tokenize(text)) {
        if (token.kind == Tok::punct) depth += token.text[0] == '{' ? 1 : token.text[0] == '}' ? -1 : 0;
        if (token.kind != Tok::keyword || depth != 0) continue;
        std::string word = token.text;
        for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (word == "graph" || word == "digraph") lines.push_back(token.line);
    }
    return lines;
}

DotLines::DotLines(std::string_view text) {
    const auto tokens = tokenize(text);
    int depth = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token& token = tokens[i];
        if (token.kind == Tok::punct) {
            depth += token.text[0] == '{' ? 1 : token.text[0] == '}' ? -1 : 0;
            continue;
        }
        if (token.kind == Tok::keyword) continue;
        if (token.kind == Tok::arrow) {
            std::size_t tail = i;
            while (tail >= 2 && tokens[tail - 1].kind == Tok::id && is_punct(tokens, tail - 2, ':')) {
                tail -= 2;  // ports: a:p:n -> b
            }
            if (tail >= 1 && tokens[tail - 1].kind == Tok::id && i + 1 < tokens.size() &&
                tokens[i + 1].kind == Tok::id) {
                edges_[{tokens[tail - 1].text, tokens[i + 1].text}].push_back(token.line);
            }
            continue;
        }
        // An id used as a node: not an attribute name or value, a port, or a (sub)graph name.
        const bool after_equals = i > 0 && is_punct(tokens, i - 1, '=');
        const bool before_equals = is_punct(tokens, i + 1, '=');
        const bool port = i > 0 && is_punct(tokens, i - 1, ':');
        const bool graph_name = i > 0 && tokens[i - 1].kind == Tok::keyword;
        if (depth > 0 && !after_equals && !before_equals && !port && !graph_name) {
            nodes_.emplace(token.text, token.line);
        }
    }
}

std::optional<std::size_t> DotLines::node(const std::string& id) const {
    auto it = nodes_.find(id);
    if (it == nodes_.end()) return std::nullopt;
    return it->second;
}

std::optional<std::size_t> DotLines::edge(const std::string& tail, const std::string& head,
                                          std::size_t occurrence) const {
    auto it = edges_.find({tail, head});
    if (it == edges_.end() || occurrence >= it->second.size()) return node(tail);
    return it->second[occurrence];
}

JsonElementLines locate_json_elements(std::string_view text) {
    JsonElementLines lines;
    std::vector<std::size_t>* target = nullptr;  // the array whose elements are being located
    std::string last_key;                        // last string seen at depth 1
    std::size_t depth = 0;
    std::size_t line = 1;
    bool expect_element = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n') {
            ++line;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r') continue;
        if (depth == 2 && target != nullptr && expect_element && c != ']') {
            target->push_back(line);
            expect_element = false;
        }
        if (c == '"') {
            std::string value;
            for (++i; i < text.size() && text[i] != '"'; ++i) {
                if (text[i] == '\\') ++i;
                else if (depth == 1) value += text[i];
                if (i < text.size() && text[i] == '\n') ++line;
            }
            if (depth == 1) last_key = std::move(value);
        } else if (c == '[' || c == '{') {
            ++depth;
            if (depth == 2 && c == '[') {
                target = last_key == "entities" ? &lines.entities
                         : last_key == "contracts" ? &lines.contracts
                                                   : nullptr;
                expect_element = true;
            }
        } else if (c == ']' || c == '}') {
            if (depth == 2) target = nullptr;
            if (depth > 0) --depth;
        } else if (c == ',' && depth == 2) {
            expect_element = true;
        }
    }
    return lines;
}

}  // namespace crashchain::detail
