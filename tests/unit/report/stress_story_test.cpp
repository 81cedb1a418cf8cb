// The crash chain's "because" (src/report/stress_story.cpp) names the contracts behind every
// cause it prints.
#include <gtest/gtest.h>

#include "report/stress_report.hpp"
#include "unit/contagion/builder.hpp"

namespace crashchain {
namespace {

using test::Builder;

// Furfine, hand-worked (loan lgd 0.6; a lender is exposed to its borrower):
//   A defaults (round 0). B lent 20 to A: X[B][A] = 12 >= C_B = 5 -> B defaults in round 1.
//   C1..C4 each lent 20 to B: X[Ci][B] = 12 >= 5 -> they default in round 2.
//   B also lent 1000 to each Ci: X[B][Ci] = 600, so B's four largest causes are the Ci, which
//   default after B; its round-1 line shows only A, and must still name the loan behind it.
TEST(StressStory, FurfineDefaultNamesTheContractsOfEarlierRounds) {
    Builder b;
    b.capital("A", 1).capital("B", 5);
    b.contract("B", "A", ContractKind::loan, 20);
    for (const char* c : {"C1", "C2", "C3", "C4"}) {
        b.capital(c, 5);
        b.contract(c, "B", ContractKind::loan, 20);
        b.contract("B", c, ContractKind::loan, 1000);
    }
    const Network& net = b.network();
    StressOptions options;
    options.model = Model::furfine;
    ShockVector shock(net.entity_count(), 0.0);
    shock[*net.find("A")] = 1.0;
    const StressResult result = run_stress(net, shock, options);
    const auto lines = crash_chain({net, options, shock, "test"}, result);
    const std::string expected =
        "round 1: B defaults — loss $12 ≥ capital $5 (from A: loan $20 × lgd 0.6 = $12)";
    EXPECT_NE(std::find(lines.begin(), lines.end(), expected), lines.end())
        << "lines:\n" << testing::PrintToString(lines);
}

}  // namespace
}  // namespace crashchain
