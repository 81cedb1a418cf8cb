#include "synth/generator.hpp"

#include <gtest/gtest.h>

namespace crashchain {
namespace {

TEST(Generator, SameSeedSameNetworkDifferentSeedDifferent) {
    GeneratorOptions options;
    options.entities = 50;
    options.contracts = 400;
    const Network a = generate_network(options);
    const Network b = generate_network(options);
    ASSERT_EQ(a.contract_count(), 400u);
    ASSERT_EQ(a.entity_count(), 50u);
    for (std::size_t c = 0; c < a.contract_count(); ++c) {
        EXPECT_EQ(a.contract(c).from, b.contract(c).from);
        EXPECT_EQ(a.contract(c).amount, b.contract(c).amount);
    }
    options.seed = 2;
    const Network other = generate_network(options);
    int differing = 0;
    for (std::size_t c = 0; c < a.contract_count(); ++c) {
        differing += a.contract(c).amount != other.contract(c).amount;
    }
    EXPECT_GT(differing, 390);
}

TEST(Generator, NoSelfLoopsPositiveAmountsConsistentBalanceSheets) {
    GeneratorOptions options;
    options.entities = 200;
    options.contracts = 3000;
    const Network net = generate_network(options);
    for (const auto& c : net.contracts()) {
        EXPECT_NE(c.from, c.to);
        EXPECT_GT(c.amount, 0);
    }
    for (const auto& e : net.entities()) {
        ASSERT_TRUE(e.capital && e.assets && e.liabilities && e.hardware);
        EXPECT_GT(*e.capital, 0);
        EXPECT_GE(*e.assets, 0);
        EXPECT_LE(*e.hardware, *e.assets);
    }
}

TEST(Generator, DegreesAreHeavyTailed) {
    GeneratorOptions options;
    options.entities = 1000;
    options.contracts = 20000;
    const Network net = generate_network(options);
    std::vector<std::size_t> out(net.entity_count());
    for (const auto& c : net.contracts()) ++out[c.from];
    const auto max_out = *std::max_element(out.begin(), out.end());
    // Mean out-degree is 20; a Pareto(1.5) tail puts the largest hub far above it.
    EXPECT_GT(max_out, 200u);
}

}  // namespace
}  // namespace crashchain
