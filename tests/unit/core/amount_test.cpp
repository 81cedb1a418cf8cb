#include "core/amount.hpp"

#include <gtest/gtest.h>

namespace crashchain {
namespace {

TEST(ParseAmount, PlainScientificAndSuffixes) {
    EXPECT_EQ(parse_amount("100"), 100.0);
    EXPECT_EQ(parse_amount("100B"), 100e9);
    EXPECT_EQ(parse_amount("$1.4T"), 1.4e12);
    EXPECT_EQ(parse_amount("6.3e9"), 6.3e9);
    EXPECT_EQ(parse_amount("250m"), 250e6);
    EXPECT_EQ(parse_amount("12k"), 12e3);
    EXPECT_EQ(parse_amount(" $7b "), 7e9);
    EXPECT_EQ(parse_amount("-5B"), -5e9);
    EXPECT_EQ(parse_amount("1e-308"), 1e-308);
    EXPECT_EQ(parse_amount("1e308"), 1e308);
}

TEST(ParseAmount, RejectsEverythingElse) {
    for (const char* bad : {"", "$", "B", "12X", "1.2.3", "nan", "inf", "-inf", "1e309", "1e308T",
                            "$-5", "--5", "1 B", "0x10", "100BB", "five", "+-1"}) {
        EXPECT_FALSE(parse_amount(bad).has_value()) << bad;
    }
}

TEST(FormatAmount, PicksUnitAndTrimsZeros) {
    EXPECT_EQ(format_amount(1.4e12), "$1.4T");
    EXPECT_EQ(format_amount(300e9), "$300B");
    EXPECT_EQ(format_amount(6.3e9), "$6.3B");
    EXPECT_EQ(format_amount(950e6), "$950M");
    EXPECT_EQ(format_amount(12e3), "$12K");
    EXPECT_EQ(format_amount(500), "$500");
    EXPECT_EQ(format_amount(0), "$0");
    EXPECT_EQ(format_amount(-2e9), "-$2B");
    EXPECT_EQ(format_amount(1.234e12), "$1.23T");
    EXPECT_EQ(format_amount(21.04e9), "$21B");
    EXPECT_EQ(format_amount(999.9e9), "$1T");
}

TEST(FormatExact, PlainDigitsExceptAtTheExtremes) {
    EXPECT_EQ(format_exact(4e10), "40000000000");
    EXPECT_EQ(format_exact(0.25), "0.25");
    EXPECT_EQ(format_exact(0), "0");
    EXPECT_EQ(format_exact(-1.5e6), "-1500000");
    EXPECT_EQ(format_exact(0.24742268041237114), "0.24742268041237114");
    EXPECT_EQ(format_exact(1e21), "1e+21");
    EXPECT_EQ(format_exact(1e308), "1e+308");
    EXPECT_EQ(format_exact(2.5e-7), "2.5e-07");
}

TEST(FormatExact, RoundTrips) {
    for (double v : {0.1, 1e308, 1e-308, 123456789.123, 6.3e9}) {
        EXPECT_EQ(parse_amount(format_exact(v)), v);
    }
}

}  // namespace
}  // namespace crashchain
