#pragma once
// Dollar amounts: the one parser (SPEC 1.3) and the one terminal formatter.

#include <optional>
#include <string>
#include <string_view>

#include "core/types.hpp"

namespace crashchain {

/// What every amount message says is accepted.
inline constexpr std::string_view kAmountExpected = "expected e.g. 100B, $1.4T, 6.3e9";

/// Parses `100B`, `$1.4T`, `6.3e9`, `250m` (optional `$`, a plain or scientific number, optional
/// K/M/B/T suffix, case-insensitive; surrounding blanks ignored). Returns nullopt for anything else,
/// including NaN, infinities and values that overflow. Sign is kept: callers check ranges.
[[nodiscard]] std::optional<Dollars> parse_amount(std::string_view text);

/// Parses a plain real number (no suffix), e.g. an lgd or a fraction; nullopt if not finite.
[[nodiscard]] std::optional<double> parse_number(std::string_view text);

/// `$1.4T`, `$300B`, `$6.3B`, `$950M`, `$12K`, `$500`, `-$2B`: for terminal tables.
[[nodiscard]] std::string format_amount(Dollars amount);

/// Shortest decimal text that reads back to the same double (for DOT/CSV writers): plain
/// digits for magnitudes in [1e-5, 1e21) (`40000000000`, `0.25`), scientific notation beyond.
[[nodiscard]] std::string format_exact(double value);

}  // namespace crashchain
