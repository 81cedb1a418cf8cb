#include "circularity/vendor_financing.hpp"

#include <gtest/gtest.h>

#include "unit/circularity/test_network.hpp"

namespace crashchain {
namespace {

using testing::make_network;
using K = ContractKind;

struct Flag {
    std::vector<std::string> nodes;
    Dollars investment;
    Dollars returned;
};

std::vector<Flag> flags(const Network& net, std::size_t limit = 100) {
    std::vector<Flag> out;
    for (const auto& f : find_vendor_financing(net, index_circularity(net), limit)) {
        EXPECT_DOUBLE_EQ(f.share, f.returned / f.investment);
        EXPECT_EQ(f.hop_contracts.size(), f.nodes.size());
        out.push_back({testing::ids_of(net, f.nodes), f.investment, f.returned});
    }
    return out;
}

void expect_flags(const std::vector<Flag>& got, const std::vector<Flag>& expected) {
    ASSERT_EQ(got.size(), expected.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        EXPECT_EQ(got[i].nodes, expected[i].nodes) << "flag " << i;
        EXPECT_EQ(got[i].investment, expected[i].investment) << "flag " << i;
        EXPECT_EQ(got[i].returned, expected[i].returned) << "flag " << i;
    }
}

TEST(VendorFinancing, InvestmentComingBackAsPurchases) {
    // Nvidia invests 100 in OpenAI, OpenAI buys 40 from Nvidia: 40 of 100 comes back.
    expect_flags(flags(make_network({}, {{"Nvidia", "OpenAI", K::equity, 100},
                                         {"OpenAI", "Nvidia", K::purchase, 40}})),
                 {{{"Nvidia", "OpenAI"}, 100, 40}});
}

TEST(VendorFinancing, ThroughAThirdEntity) {
    // The article's deal: Nvidia -> OpenAI equity 100, OpenAI -> Oracle purchase 300,
    // Oracle -> Nvidia purchase 40: return path min(300, 40) = 40 of 100. Nobody else invests.
    expect_flags(flags(make_network({}, {{"Nvidia", "OpenAI", K::equity, 100},
                                         {"OpenAI", "Oracle", K::purchase, 300},
                                         {"Oracle", "Nvidia", K::purchase, 40}})),
                 {{{"Nvidia", "OpenAI", "Oracle"}, 100, 40}});
}

TEST(VendorFinancing, WarrantsCountAsInvestment) {
    // AMD grants OpenAI warrants worth 34, OpenAI buys 90 of chips from AMD: all 34 comes back.
    expect_flags(flags(make_network({}, {{"AMD", "OpenAI", K::warrant, 34},
                                         {"OpenAI", "AMD", K::purchase, 90}})),
                 {{{"AMD", "OpenAI"}, 34, 34}});
}

TEST(VendorFinancing, ReturnIsCappedByTheInvestment) {
    // A loan of 10 answered by a lease of 30: all 10 comes back (share 1).
    expect_flags(flags(make_network({}, {{"X", "Y", K::loan, 10}, {"Y", "X", K::lease, 30}})),
                 {{{"X", "Y"}, 10, 10}});
}

TEST(VendorFinancing, LoansBothWaysAreNotVendorFinancing) {
    EXPECT_TRUE(flags(make_network({}, {{"X", "Y", K::loan, 10}, {"Y", "X", K::loan, 5}})).empty());
}

TEST(VendorFinancing, OnlyTheRightKindsOfParallelContractsCount) {
    // X -> Y: equity 6 + purchase 4; Y -> X: lease 8 + loan 2.
    // X invested 6 (equity only), gets back 8 (lease only): 6 of 6.
    // Y invested 2 (its loan), gets back X's purchase 4: 2 of 2. By returned: X's first.
    expect_flags(flags(make_network({}, {{"X", "Y", K::equity, 6}, {"X", "Y", K::purchase, 4},
                                         {"Y", "X", K::lease, 8}, {"Y", "X", K::loan, 2}})),
                 {{{"X", "Y"}, 6, 6}, {{"Y", "X"}, 2, 2}});
}

TEST(VendorFinancing, MiddleHopCanBeTheBottleneck) {
    // X -> Y equity 50, Y -> Z loan 5, Z -> X purchase 20: min(5, 20) = 5 of 50. Y's loan to Z
    // does not come back as revenue (X -> Y is equity), so it is no flag.
    expect_flags(flags(make_network({}, {{"X", "Y", K::equity, 50}, {"Y", "Z", K::loan, 5},
                                         {"Z", "X", K::purchase, 20}})),
                 {{{"X", "Y", "Z"}, 50, 5}});
}

TEST(VendorFinancing, LimitKeepsTheLargestReturns) {
    const Network net = make_network({}, {{"X", "Y", K::equity, 6}, {"X", "Y", K::purchase, 4},
                                          {"Y", "X", K::lease, 8}, {"Y", "X", K::loan, 2}});
    expect_flags(flags(net, 1), {{{"X", "Y"}, 6, 6}});
}

}  // namespace
}  // namespace crashchain
