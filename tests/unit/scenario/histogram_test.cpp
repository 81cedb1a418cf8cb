#include "report/histogram.hpp"

#include <gtest/gtest.h>

namespace crashchain {
namespace {

std::size_t occurrences(const std::string& text, const std::string& what) {
    std::size_t count = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++count;
    return count;
}

TEST(NiceStep, OneTwoFiveTimesAPowerOfTen) {
    EXPECT_DOUBLE_EQ(nice_step(0.35, 8), 0.05);  // raw 0.04375 -> 5e-2
    EXPECT_DOUBLE_EQ(nice_step(1.0, 5), 0.2);
    EXPECT_DOUBLE_EQ(nice_step(7.0, 7), 1.0);
    EXPECT_DOUBLE_EQ(nice_step(0.011, 5), 0.005);  // raw 0.0022 -> 5e-3
    EXPECT_EQ(nice_step(0.0, 5), 1.0);
}

TEST(Histogram, BinsValuesAndMarksLines) {
    // hi = 0.35, x step 0.05, x_max 0.35, 4 bins of 0.0875: 0 -> bin 0; 0.1, 0.1 -> bin 1;
    // 0.35 is the maximum and falls in the last bin.
    HistogramOptions options;
    options.bins = 4;
    options.title = "loss <VaR & ES>";
    const std::string svg = render_histogram_svg(
        {0.0, 0.1, 0.1, 0.35}, {{0.3, "VaR 95% 30%", "#c0392b", false}, {0.33, "ES", "#8e44ad", true}},
        options);
    EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u);
    EXPECT_EQ(occurrences(svg, "fill=\"#4a78b5\""), 3u);  // three non-empty bins
    EXPECT_NE(svg.find(": 2 of 4</title>"), std::string::npos);
    EXPECT_NE(svg.find("loss &lt;VaR &amp; ES&gt;"), std::string::npos);
    EXPECT_NE(svg.find(">VaR 95% 30%</text>"), std::string::npos);
    EXPECT_EQ(occurrences(svg, "stroke-dasharray"), 1u);
    EXPECT_NE(svg.find(">35%</text>"), std::string::npos);  // last x tick
    EXPECT_EQ(svg.substr(svg.size() - 7), "</svg>\n");
}

TEST(Histogram, AllZeroAndEmptyInputsStillDraw) {
    const std::string zero = render_histogram_svg({0.0, 0.0}, {}, {});
    EXPECT_EQ(occurrences(zero, "fill=\"#4a78b5\""), 1u);
    const std::string empty = render_histogram_svg({}, {}, {});
    EXPECT_EQ(occurrences(empty, "fill=\"#4a78b5\""), 0u);
}

}  // namespace
}  // namespace crashchain
