#include "report/format.hpp"

namespace crashchain {

std::optional<Format> parse_format(std::string_view text) {
    if (text == "text") return Format::text;
    if (text == "md") return Format::md;
    if (text == "json") return Format::json;
    if (text == "csv") return Format::csv;
    return std::nullopt;
}

}  // namespace crashchain
