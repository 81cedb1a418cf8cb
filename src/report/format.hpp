#pragma once
// Output formats of every analysis command (SPEC 4).

#include <optional>
#include <string_view>

namespace crashchain {

enum class Format : unsigned char { text, md, json, csv };
[[nodiscard]] std::optional<Format> parse_format(std::string_view text);

}  // namespace crashchain
