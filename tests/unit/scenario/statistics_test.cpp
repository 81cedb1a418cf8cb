#include "scenario/statistics.hpp"

#include <gtest/gtest.h>

namespace crashchain {
namespace {

TEST(Wilson, ZeroSuccesses) {
    // 0/10: centre = (z^2/20)/(1+z^2/10) = 0.192073/1.384146 = 0.138767, half the same,
    // so [0, 0.277533] (the textbook upper bound 0.2775).
    const Interval i = wilson_interval(0, 10);
    EXPECT_EQ(i.low, 0.0);
    EXPECT_NEAR(i.high, 0.277533, 1e-6);
}

TEST(Wilson, HalfSuccesses) {
    // 5/10: centre 0.5; half = z sqrt(0.025 + z^2/400)/(1+z^2/10) = 1.959964*0.186021/1.384146
    // = 0.263407, so [0.236593, 0.763407].
    const Interval i = wilson_interval(5, 10);
    EXPECT_NEAR(i.low, 0.236593, 1e-6);
    EXPECT_NEAR(i.high, 0.763407, 1e-6);
}

TEST(Wilson, AllSuccessesAndLargeSamples) {
    const Interval all = wilson_interval(10, 10);
    EXPECT_EQ(all.high, 1.0);
    EXPECT_NEAR(all.low, 1.0 - 0.277533, 1e-6);
    // n = 1e6, p = 0.1: close to the normal interval p -+ z sqrt(p q / n) = 0.1 -+ 0.000588.
    const Interval big = wilson_interval(100000, 1000000);
    EXPECT_NEAR(big.low, 0.1 - 0.000588, 2e-6);
    EXPECT_NEAR(big.high, 0.1 + 0.000588, 2e-6);
}

TEST(TailRisk, IntegerTail) {
    // Losses 0.01, 0.02, ..., 1.00: VaR95 = L_(95) = 0.95, ES95 = mean(0.96..1.00) = 0.98;
    // VaR99 = L_(99) = 0.99, ES99 = L_(100) = 1.
    std::vector<double> losses;
    for (int j = 1; j <= 100; ++j) losses.push_back(j / 100.0);
    const TailRisk r95 = tail_risk(losses, 950);
    EXPECT_DOUBLE_EQ(r95.var, 0.95);
    EXPECT_NEAR(r95.es, 0.98, 1e-12);
    const TailRisk r99 = tail_risk(losses, 990);
    EXPECT_DOUBLE_EQ(r99.var, 0.99);
    EXPECT_NEAR(r99.es, 1.0, 1e-12);
}

TEST(TailRisk, FractionalTail) {
    // 1..30: rank ceil(28.5) = 29 -> VaR 29; w = 1.5 -> ES = (30 + 0.5*29)/1.5 = 29.6667.
    std::vector<double> losses;
    for (int j = 1; j <= 30; ++j) losses.push_back(j);
    const TailRisk r = tail_risk(losses, 950);
    EXPECT_EQ(r.var, 29.0);
    EXPECT_NEAR(r.es, 44.5 / 1.5, 1e-12);
    // 1..10 at 95%: rank 10, w = 0.5 -> VaR = ES = 10.
    losses.resize(10);
    const TailRisk small = tail_risk(losses, 950);
    EXPECT_EQ(small.var, 10.0);
    EXPECT_NEAR(small.es, 10.0, 1e-12);
    // One scenario: both are that loss.
    const TailRisk one = tail_risk({0.25}, 990);
    EXPECT_EQ(one.var, 0.25);
    EXPECT_NEAR(one.es, 0.25, 1e-15);
}

TEST(TailRisk, EsNeverBelowVar) {
    std::vector<double> losses(997, 0.0);
    for (std::size_t j = 900; j < losses.size(); ++j) losses[j] = static_cast<double>(j) / 1000;
    for (const unsigned level : {500U, 900U, 950U, 990U, 999U}) {
        const TailRisk r = tail_risk(losses, level);
        EXPECT_GE(r.es, r.var) << level;
    }
}

}  // namespace
}  // namespace crashchain
