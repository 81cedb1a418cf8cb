#include <gtest/gtest.h>

#include "report/montecarlo_report.hpp"

namespace crashchain {
namespace {

TEST(FormatPercent, ThreeSignificantDigitsKeepingZeros) {
    EXPECT_EQ(format_percent(0.123), "12.3%");
    EXPECT_EQ(format_percent(0.1), "10.0%");
    EXPECT_EQ(format_percent(0.27), "27.0%");
    EXPECT_EQ(format_percent(0.000412), "0.0412%");
    EXPECT_EQ(format_percent(0.9375), "93.8%");
    EXPECT_EQ(format_percent(1.0), "100.0%");
    EXPECT_EQ(format_percent(0), "0%");
    EXPECT_EQ(format_percent(1e-7), "1.0e-05%");
}

}  // namespace
}  // namespace crashchain
