// Sums that overflow (SPEC 1.7, issue 5): an error or a correct result, never inf in a report.
// Every reader refuses a network whose grand total (contract amounts + capital, assets,
// liabilities, hardware) is not finite: every sum a command computes is bounded by it.
#include <gtest/gtest.h>

#include <string>

#include "core/amount.hpp"
#include "model/summary.hpp"
#include "unit/io/io_test_util.hpp"

namespace crashchain {
namespace {

using testing_io::csv;
using testing_io::dot;
using testing_io::error_of;
using testing_io::json;

constexpr const char* kAmounts =
    ": contract amounts add up to more than 1.8e308 dollars, beyond what a double holds "
    "(expected amounts in dollars whose total is finite)";
constexpr const char* kFigures =
    ": entity figures (capital, assets, liabilities, hardware) and contract amounts add up to "
    "more than 1.8e308 dollars, beyond what a double holds (expected figures in dollars whose "
    "total is finite)";

TEST(Overflow, TwoLargestAmountsAreRefusedInEveryFormat) {
    // 1e308 + 1e308 = 2e308 > DBL_MAX (about 1.797e308): each amount is valid, the sum is not.
    EXPECT_EQ(error_of([] { return csv("from,to,kind,amount\na,b,loan,1e308\nb,a,loan,1e308\n"); }),
              std::string("edges.csv") + kAmounts);
    // 1e296T = 1e296 * 1e12 = 1e308 through the suffix.
    EXPECT_EQ(error_of([] {
                  return dot("digraph { a -> b [kind=loan, amount=\"1e308\"]; "
                             "a -> b [kind=bond, amount=\"1e296T\"] }");
              }),
              std::string("net.dot") + kAmounts);
    EXPECT_EQ(error_of([] {
                  return json(R"({"entities":[{"id":"a"}],"contracts":[
                      {"from":"a","to":"a","kind":"loan","amount":1e308},
                      {"from":"a","to":"a","kind":"loan","amount":1e308}]})");
              }),
              std::string("net.json") + kAmounts);
}

TEST(Overflow, AmountsThatFitAreKeptExactly) {
    // 1e308 + 5e307 = 1.5e308 <= DBL_MAX: fine, and validate's volume is that sum.
    const Network network = csv("from,to,kind,amount\na,b,loan,1e308\nb,a,loan,5e307\n");
    EXPECT_EQ(summarize(network).volume, 1e308 + 5e307);
}

TEST(Overflow, EntityFiguresAddedToAmountsAreRefused) {
    // Capital 1e308 (a) and assets 1e308 (b) are each valid; a model adds capital, assets and
    // amounts (a Furfine loss is F * capital + exposures; clearing adds assets and inflows).
    const std::string nodes = "id,capital,assets\na,1e308,\nb,,1e308\n";
    EXPECT_EQ(error_of([&] { return csv("from,to,kind,amount\na,b,loan,1\n", &nodes); }),
              std::string("nodes.csv") + kFigures);
    // Amounts overflowing are reported against the edges file, once, even with a nodes file.
    const std::string small = "id\na\nb\n";
    EXPECT_EQ(error_of([&] {
                  return csv("from,to,kind,amount\na,b,loan,1e308\nb,a,loan,1e308\n", &small);
              }),
              std::string("edges.csv") + kAmounts);
}

TEST(Overflow, SummaryOfANetworkBuiltInCodeStillRefusesInfinity) {
    // Networks built in code (generator, tests) skip the readers: summarize checks on its own.
    Network network;
    Entity a;
    a.id = "a";
    network.add_entity(a);
    for (int i = 0; i < 2; ++i) {
        Contract c;
        c.from = 0;
        c.to = 0;
        c.amount = 1e308;
        network.add_contract(c);
    }
    EXPECT_EQ(error_of([&] { return summarize(network); }),
              "the total contract volume overflows a double (amounts too large)");
}

TEST(Overflow, HugeAmountsPrintAsTheirValueNotAsCutDigits) {
    // Before: 1e300 / 1e12 printed with "%.0f" needs 289 characters; the 64-byte buffer cut
    // them into "$1000000000000000052504760255204420248704468581108159154915854115T", a wrong
    // number. From 1e18 (a million trillion) on: three significant digits, exponent unpadded.
    EXPECT_EQ(format_amount(1e300), "$1e300");
    EXPECT_EQ(format_amount(1.2345e20), "$1.23e20");   // 1.2345 -> 3 digits: 1.23
    EXPECT_EQ(format_amount(-1.5e308), "-$1.5e308");
    // 1.797e308 rounds to 1.80e308, which is more than the largest double (1.7977e308) and
    // would not read back: the largest figures are cut, 1.797 -> 1.79.
    EXPECT_EQ(format_amount(1.797e308), "$1.79e308");
    EXPECT_EQ(format_amount(1.794e308), "$1.79e308");  // rounds down anyway
    EXPECT_EQ(format_amount(1e18), "$1e18");
    EXPECT_EQ(format_amount(9.99e17), "$999000T");  // just below: 9.99e17 / 1e12 = 999000
    // What a report prints reads back as the amount it stands for.
    EXPECT_EQ(parse_amount("$1.23e20"), 1.23e20);
    EXPECT_EQ(parse_amount("-$1.5e308"), -1.5e308);
    EXPECT_EQ(parse_amount("$1.79e308"), 1.79e308);
}

}  // namespace
}  // namespace crashchain
