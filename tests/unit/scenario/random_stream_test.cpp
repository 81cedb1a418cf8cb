#include "scenario/random_stream.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <iterator>

namespace crashchain {
namespace {

TEST(NormalCdf, KnownValues) {
    // Standard table values: Phi(0) = 0.5, Phi(-1) = 0.158655253931457, Phi(1.959963984540054)
    // = 0.975.
    EXPECT_EQ(normal_cdf(0.0), 0.5);
    EXPECT_NEAR(normal_cdf(-1.0), 0.158655253931457, 1e-15);
    EXPECT_NEAR(normal_cdf(1.959963984540054), 0.975, 1e-15);
}

TEST(ScenarioStream, DependsOnlyOnSeedAndScenario) {
    ScenarioStream a(42, 7);
    ScenarioStream b(42, 7);
    for (int i = 0; i < 100; ++i) EXPECT_EQ(a.uniform(), b.uniform());
    ScenarioStream c(42, 8);
    ScenarioStream d(43, 7);
    ScenarioStream e(42, 7);
    int same_c = 0;
    int same_d = 0;
    for (int i = 0; i < 100; ++i) {
        const double x = e.uniform();
        same_c += c.uniform() == x;
        same_d += d.uniform() == x;
    }
    EXPECT_EQ(same_c, 0);
    EXPECT_EQ(same_d, 0);
}

TEST(ScenarioStream, NormalsHaveMeanZeroAndUnitVariance) {
    // 200 streams x 1000 draws = 2e5 normals: the mean has sd 1/sqrt(2e5) = 0.0022 and the
    // variance sd sqrt(2/2e5) = 0.0032; 5 standard deviations as tolerance.
    double sum = 0;
    double squares = 0;
    std::size_t below = 0;
    const std::size_t n = 200 * 1000;
    for (std::uint64_t k = 0; k < 200; ++k) {
        ScenarioStream stream(1, k);
        for (int i = 0; i < 1000; ++i) {
            const double x = stream.normal();
            sum += x;
            squares += x * x;
            below += x < -1.0;
        }
    }
    const double mean = sum / n;
    EXPECT_NEAR(mean, 0.0, 5 * 0.0022);
    EXPECT_NEAR(squares / n - mean * mean, 1.0, 5 * 0.0032);
    // P(Z < -1) = 0.158655; sd of the share sqrt(0.1587 * 0.8413 / 2e5) = 0.00082.
    EXPECT_NEAR(static_cast<double>(below) / n, 0.158655, 5 * 0.00082);
}

TEST(ScenarioStream, NormalsFollowPhiInTheCentreTheWedgesAndTheTail) {
    // 2e6 draws against Phi at points that exercise each part of the ziggurat: the inner
    // rectangles (|x| < 0.27, the top layer's wedge up to 0.27), a wedge of the middle layers
    // (1.5, 2.5), and the tail beyond r = 3.4426 drawn by Marsaglia's method (3.6, 4.0).
    // Counts are binomial: tolerance 5 sd of the share, sqrt(p (1 - p) / n).
    const std::size_t n = 2'000'000;
    const double points[] = {-4.0, -3.6, -2.5, -1.5, -0.2, 0.0, 0.2, 1.5, 2.5, 3.6, 4.0};
    std::size_t below[std::size(points)] = {};
    std::size_t drawn = 0;
    for (std::uint64_t k = 0; drawn < n; ++k) {
        ScenarioStream stream(99, k);
        for (int i = 0; i < 1000; ++i, ++drawn) {
            const double x = stream.normal();
            ASSERT_TRUE(std::isfinite(x));
            for (std::size_t p = 0; p < std::size(points); ++p) below[p] += x < points[p];
        }
    }
    for (std::size_t p = 0; p < std::size(points); ++p) {
        const double expected = normal_cdf(points[p]);
        const double share = static_cast<double>(below[p]) / static_cast<double>(n);
        const double sd = std::sqrt(expected * (1 - expected) / static_cast<double>(n));
        EXPECT_NEAR(share, expected, 5 * sd) << "x < " << points[p];
    }
}

}  // namespace
}  // namespace crashchain
