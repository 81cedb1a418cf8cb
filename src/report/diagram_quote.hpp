#pragma once
// Writing text into DOT so that cgraph reads back exactly what was meant (Graphviz 2.42 lexer:
// inside a quoted string `\"` is a quote, `\\` is kept as two backslashes, backslash-newline is
// a line continuation, and every other byte is literal).

#include <optional>
#include <string>
#include <string_view>

namespace crashchain::dot_text {

/// A node name as DOT source: bare when it is a plain identifier (not a keyword), else quoted.
/// nullopt when no DOT spelling reads back as `id`: an odd run of backslashes just before a
/// quote, a newline or the end cannot be written (the lexer pairs it with what follows).
[[nodiscard]] std::optional<std::string> node_name(std::string_view id);

/// A quoted escString attribute value (labels, tooltips): backslashes doubled so Graphviz shows
/// them literally, quotes escaped, newlines as `\n`, other control bytes dropped, invalid UTF-8
/// replaced by U+FFFD.
[[nodiscard]] std::string quoted(std::string_view text);

/// Text for an HTML-like label: `& < > "` as entities, newlines as `<BR/>`, control bytes
/// dropped, invalid UTF-8 replaced by U+FFFD.
[[nodiscard]] std::string html(std::string_view text);

/// `text` with invalid UTF-8 sequences replaced by U+FFFD (Graphviz's text layout rejects them).
[[nodiscard]] std::string valid_utf8(std::string_view text);

/// A long display name made fit for a box: parenthesised qualifiers dropped, e.g.
/// `Stargate LLC (OpenAI/SoftBank/Oracle/MGX JV)` -> `Stargate LLC` (unless nothing would be
/// left), then words wrapped onto lines of at most `width` characters, joined by '\n'.
[[nodiscard]] std::string box_name(std::string_view name, std::size_t width);

}  // namespace crashchain::dot_text
