#include "core/amount.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace crashchain {
namespace {

std::string_view trim(std::string_view text) {
    const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && blank(text.front())) text.remove_prefix(1);
    while (!text.empty() && blank(text.back())) text.remove_suffix(1);
    return text;
}

std::optional<double> parse_plain(std::string_view text) {
    if (text.empty()) return std::nullopt;
    if (text.front() == '+') text.remove_prefix(1);
    double value = 0;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, value, std::chars_format::general);
    if (ec != std::errc{} || ptr != end || !std::isfinite(value)) return std::nullopt;
    // from_chars accepts "inf"/"nan" spellings; isfinite rejects them above.
    return value;
}

}  // namespace

std::optional<Dollars> parse_amount(std::string_view text) {
    text = trim(text);
    bool negative = false;
    if (!text.empty() && text.front() == '-') {
        negative = true;
        text.remove_prefix(1);
    }
    if (!text.empty() && text.front() == '$') text.remove_prefix(1);
    if (text.empty()) return std::nullopt;
    double scale = 1;
    switch (text.back()) {
        case 'k': case 'K': scale = 1e3; break;
        case 'm': case 'M': scale = 1e6; break;
        case 'b': case 'B': scale = 1e9; break;
        case 't': case 'T': scale = 1e12; break;
        default: break;
    }
    if (scale != 1) text.remove_suffix(1);
    if (text.empty() || text.front() == '-' || text.front() == '+') return std::nullopt;
    auto value = parse_plain(text);
    if (!value) return std::nullopt;
    const double scaled = *value * scale;
    if (!std::isfinite(scaled)) return std::nullopt;
    return negative ? -scaled : scaled;
}

std::optional<double> parse_number(std::string_view text) { return parse_plain(trim(text)); }

std::string format_amount(Dollars amount) {
    if (!std::isfinite(amount)) return std::isnan(amount) ? "NaN" : (amount > 0 ? "inf" : "-inf");
    const std::string sign = amount < 0 ? "-" : "";
    double magnitude = std::fabs(amount);
    static constexpr std::array<std::pair<double, char>, 4> kUnits{
        {{1e12, 'T'}, {1e9, 'B'}, {1e6, 'M'}, {1e3, 'K'}}};
    char suffix = 0;
    for (const auto& [unit, letter] : kUnits) {
        if (magnitude >= unit * 0.9995) {
            magnitude /= unit;
            suffix = letter;
            break;
        }
    }
    char buffer[64];
    const int decimals = magnitude >= 99.95 ? 0 : magnitude >= 9.995 ? 1 : 2;
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, magnitude);
    std::string digits = buffer;
    if (digits.find('.') != std::string::npos) {
        while (digits.back() == '0') digits.pop_back();
        if (digits.back() == '.') digits.pop_back();
    }
    std::string text = sign + "$" + digits;
    if (suffix != 0) text += suffix;
    return text;
}

std::string format_exact(double value) {
    // Plain digits where they stay short (spreadsheets and readers see 40000000000, not
    // 4e+10); scientific notation only for the extremes. Both are the shortest text that
    // reads back to the same double.
    const double magnitude = std::fabs(value);
    const bool plain = value == 0 || (magnitude >= 1e-5 && magnitude < 1e21);
    char buffer[400];
    auto [ptr, ec] = plain ? std::to_chars(buffer, buffer + sizeof buffer, value,
                                           std::chars_format::fixed)
                           : std::to_chars(buffer, buffer + sizeof buffer, value);
    if (ec != std::errc{}) return "nan";
    return {buffer, ptr};
}

}  // namespace crashchain
