#include "core/amount.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

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
    char buffer[64];
    if (magnitude >= 1e18) {
        // A million trillion and more: "$1000000T" is already unreadable, and 1e300 would need
        // 288 digits (the buffer would cut them into a wrong number). Three significant digits.
        std::snprintf(buffer, sizeof buffer, "%.3g", magnitude);
        if (!std::isfinite(std::strtod(buffer, nullptr))) {
            // From 1.795e308 on, rounding gives 1.8e308, past the largest double (1.7977e308):
            // such a figure would not read back. Cut instead of rounding.
            std::snprintf(buffer, sizeof buffer, "%.2fe+308", std::floor(magnitude / 1e306) / 100);
        }
        std::string text = buffer;  // "1.23e+20"
        const auto e = text.find('e');
        std::string exponent = text.substr(e + 2);  // after "e+" (the magnitude is >= 1)
        exponent.erase(0, std::min(exponent.find_first_not_of('0'), exponent.size() - 1));
        return sign + "$" + text.substr(0, e) + "e" + exponent;
    }
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
