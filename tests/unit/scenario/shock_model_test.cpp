#include "scenario/shock_model.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "unit/scenario/small_network.hpp"

namespace crashchain {
namespace {

using testing::four_entities;

TEST(Leverage, AssetsOverCapitalElseOne) {
    Entity e;
    EXPECT_EQ(leverage(e), 1.0);  // no figures
    e.assets = 30;
    e.capital = 20;
    EXPECT_EQ(leverage(e), 1.5);
    e.capital.reset();
    e.liabilities = 10;  // derived capital 20
    EXPECT_EQ(leverage(e), 1.5);
    e.capital = 0;  // not positive
    EXPECT_EQ(leverage(e), 1.0);
    e.capital = 5;
    e.assets = 0;
    EXPECT_EQ(leverage(e), 1.0);
}

TEST(Sigma, DefaultsByTypeAndOverrides) {
    EXPECT_EQ(default_sigma("lab"), 0.35);
    EXPECT_EQ(default_sigma("bank"), 0.03);
    EXPECT_EQ(default_sigma("neocloud (developer)"), default_sigma("other"));
    EXPECT_EQ(default_sigma(""), default_sigma("other"));
    const Network network = four_entities();  // lab, chipmaker, cloud, fund
    const auto sigma = entity_sigmas(network, {"lab=0.5", "cloud=0.1", "lab=0.4", "bank=0.2"});
    EXPECT_EQ(sigma, (std::vector<double>{0.4, 0.20, 0.1, 0.15}));
}

TEST(Sigma, BadOverrides) {
    const Network network = four_entities();
    try {
        (void)entity_sigmas(network, {"lab", "lab=-1", "lab=x", "labs=0.2"});
        FAIL();
    } catch (const InputError& error) {
        ASSERT_EQ(error.diagnostics().size(), 4u);
        EXPECT_EQ(error.diagnostics()[0].format(), "--sigma: \"lab\" is not type=value (e.g. lab=0.4)");
        EXPECT_EQ(error.diagnostics()[1].format(),
                  "--sigma lab: \"-1\" is not a positive number (an annual asset volatility, e.g. 0.2)");
        EXPECT_EQ(error.diagnostics()[2].format(),
                  "--sigma lab: \"x\" is not a positive number (an annual asset volatility, e.g. 0.2)");
        EXPECT_EQ(error.diagnostics()[3].format(),
                  "--sigma: unknown entity type \"labs\" (expected one of lab, chipmaker, cloud, "
                  "hyperscaler, neocloud, spv, fund, bank, investor, sovereign, other)");
    }
}

TEST(ShockModel, MonteCarloScaleAndUniformShock) {
    const Network network = four_entities();
    // lev: Lab 30/20 = 1.5, Chip 150/100 = 1.5, Cloud 130/25 = 5.2, Fund (no assets) 1.
    const std::vector<double> sigma{0.2, 0.2, 0.1, 0.3};
    const auto cascade = monte_carlo_scale(network, sigma, Model::furfine);
    EXPECT_DOUBLE_EQ(cascade[0], 0.3);
    EXPECT_DOUBLE_EQ(cascade[2], 0.52);
    EXPECT_DOUBLE_EQ(cascade[3], 0.3);
    EXPECT_EQ(monte_carlo_scale(network, sigma, Model::clearing), sigma);

    const UniformShock all(network, Model::debtrank, {});
    const ShockVector s = all(0.1);
    EXPECT_DOUBLE_EQ(s[0], 0.15);
    EXPECT_DOUBLE_EQ(s[2], 0.52);
    EXPECT_DOUBLE_EQ(s[3], 0.1);
    EXPECT_EQ(all(0.5)[2], 1.0);  // capped
    const UniformShock clouds(network, Model::clearing, {false, false, true, false});
    EXPECT_EQ(clouds(0.25), (ShockVector{0, 0, 0.25, 0}));
}

}  // namespace
}  // namespace crashchain
