#include "report/diagram_quote.hpp"

#include <array>
#include <cstdint>

namespace crashchain::dot_text {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

bool ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool ascii_digit(char c) { return c >= '0' && c <= '9'; }

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

bool is_keyword(std::string_view id) {
    static constexpr std::array<std::string_view, 6> kKeywords{"node",    "edge",     "graph",
                                                               "digraph", "subgraph", "strict"};
    for (auto keyword : kKeywords) {
        if (equals_ignoring_case(id, keyword)) return true;
    }
    return false;
}

/// Length of the UTF-8 sequence starting at text[i], or 0 if it is invalid there.
std::size_t utf8_length(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<std::uint8_t>(text[k]); };
    const std::uint8_t lead = byte(i);
    std::size_t length = 0;
    std::uint32_t code = 0;
    if (lead < 0x80) return 1;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        code = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        code = lead & 0x0Fu;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        code = lead & 0x07u;
    } else {
        return 0;
    }
    if (i + length > text.size()) return 0;
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0u) != 0x80u) return 0;
        code = (code << 6) | (byte(i + k) & 0x3Fu);
    }
    // Reject overlong forms, surrogates and code points past U+10FFFF.
    if ((length == 3 && code < 0x800) || (length == 4 && (code < 0x10000 || code > 0x10FFFF)) ||
        (code >= 0xD800 && code <= 0xDFFF)) {
        return 0;
    }
    return length;
}

/// Calls `emit_char(c)` for ASCII bytes and appends valid multi-byte sequences as they are.
template <typename EmitAscii>
std::string transcode(std::string_view text, EmitAscii emit_ascii) {
    std::string out;
    out.reserve(text.size() + 8);
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = utf8_length(text, i);
        if (length == 0) {
            out += kReplacement;
            ++i;
        } else if (length == 1) {
            emit_ascii(out, text[i]);
            ++i;
        } else {
            out.append(text.substr(i, length));
            i += length;
        }
    }
    return out;
}

bool is_control(char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; }

}  // namespace

std::optional<std::string> node_name(std::string_view id) {
    bool bare = !id.empty() && ascii_alpha(id.front()) && !is_keyword(id);
    for (char c : id) bare = bare && (ascii_alpha(c) || ascii_digit(c));
    if (bare) return std::string(id);

    std::string out = "\"";
    for (std::size_t i = 0; i < id.size();) {
        if (id[i] == '\0') return std::nullopt;  // cgraph names are C strings
        if (id[i] != '\\') {
            if (id[i] == '"') out += '\\';
            out += id[i++];
            continue;
        }
        std::size_t run = 0;
        while (i + run < id.size() && id[i + run] == '\\') ++run;
        const bool at_end = i + run == id.size();
        const bool before_special = !at_end && (id[i + run] == '"' || id[i + run] == '\n');
        if (run % 2 == 1 && (at_end || before_special)) return std::nullopt;
        out.append(run, '\\');
        i += run;
    }
    out += '"';
    return out;
}

std::string quoted(std::string_view text) {
    return "\"" + transcode(text, [](std::string& out, char c) {
               if (c == '\\') {
                   out += "\\\\";
               } else if (c == '"') {
                   out += "\\\"";
               } else if (c == '\n') {
                   out += "\\n";
               } else if (!is_control(c) || c == '\t') {
                   out += c == '\t' ? ' ' : c;
               }
           }) + "\"";
}

std::string html(std::string_view text) {
    return transcode(text, [](std::string& out, char c) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\n': out += "<BR/>"; break;
            case '\t': out += ' '; break;
            default:
                if (!is_control(c)) out += c;
        }
    });
}

std::string valid_utf8(std::string_view text) {
    return transcode(text, [](std::string& out, char c) { out += c; });
}

namespace {

/// Characters (UTF-8 code points) in `text`.
std::size_t char_count(std::string_view text) {
    std::size_t count = 0;
    for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0u) != 0x80u ? 1 : 0;
    return count;
}

std::string_view trim_blanks(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    return text;
}

}  // namespace

std::string box_name(std::string_view name, std::size_t width) {
    std::string bare;
    int depth = 0;
    for (char c : name) {
        if (c == '(') ++depth;
        if (depth == 0) bare += c;
        if (c == ')' && depth > 0) --depth;
    }
    // Collapse the blanks a removed qualifier leaves behind.
    std::string squeezed;
    for (char c : bare) {
        if (!(c == ' ' && (squeezed.empty() || squeezed.back() == ' '))) squeezed += c;
    }
    std::string_view shown = trim_blanks(squeezed);
    if (shown.empty()) shown = trim_blanks(name);

    std::string lines;
    std::size_t line_length = 0;
    while (!shown.empty()) {
        const std::size_t end = shown.find(' ');
        const std::string_view word = shown.substr(0, end);
        const std::size_t length = char_count(word);
        if (line_length != 0 && line_length + 1 + length > width) {
            lines += '\n';
            line_length = 0;
        } else if (line_length != 0) {
            lines += ' ';
            ++line_length;
        }
        lines.append(word);
        line_length += length;
        shown = end == std::string_view::npos ? std::string_view() : trim_blanks(shown.substr(end));
    }
    return lines;
}

}  // namespace crashchain::dot_text
