#include "scenario/random_stream.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace crashchain {
namespace {

TEST(NormalQuantile, KnownValues) {
    EXPECT_EQ(normal_quantile(0.5), 0.0);
    // Phi^{-1}(0.975) = 1.959963984540054 (standard table value, 16 digits).
    EXPECT_NEAR(normal_quantile(0.975), 1.959963984540054, 1e-14);
    EXPECT_NEAR(normal_quantile(0.025), -1.959963984540054, 1e-14);
    // Phi^{-1}(0.8413447460685429) = 1 (Phi(1) = 0.841344746068543).
    EXPECT_NEAR(normal_quantile(0.8413447460685429), 1.0, 1e-13);
    EXPECT_TRUE(std::isinf(normal_quantile(0.0)));
    EXPECT_LT(normal_quantile(0.0), 0);
}

TEST(NormalQuantile, InvertsTheCdfInCentreAndTails) {
    // Each branch of AS241: |q| <= 0.425, r <= 5 (p >~ 1.4e-11), r > 5 (far tail).
    for (const double p : {0.1, 0.3, 0.5, 0.7, 0.9, 0.01, 0.999, 1e-5, 1e-9, 1e-12, 1e-20,
                           1e-100, 1.0 - 1e-12}) {
        const double x = normal_quantile(p);
        const double back = p < 0.5 ? normal_cdf(x) : 1.0 - normal_cdf(x) ;
        const double target = p < 0.5 ? p : 1.0 - p;
        EXPECT_NEAR(back / target, 1.0, 1e-9) << "p = " << p;
    }
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

}  // namespace
}  // namespace crashchain
