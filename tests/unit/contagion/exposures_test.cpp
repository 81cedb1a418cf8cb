#include "contagion/exposures.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <tuple>
#include <vector>

#include "core/error.hpp"
#include "unit/contagion/builder.hpp"

namespace crashchain {
namespace {

using test::Builder;

EntityIndex idx(const Network& net, const char* id) { return *net.find(id); }

/// X[i][j] from the by-counterparty rows.
double exposure(const SparseRows& x, const Network& net, const char* i, const char* j) {
    return x.at(idx(net, j), idx(net, i));
}

TEST(Exposures, NullNetworkHasNoRows) {
    const Network empty;
    EXPECT_EQ(build_exposures(empty, {}).rows(), 0u);
    EXPECT_EQ(build_obligations(empty).network_owed.size(), 0u);
}

TEST(Exposures, KindTableDecidesWhoIsExposed) {
    // SPEC 1.5: equity/loan/bond/credit expose the source; lease/purchase/guarantee/warrant
    // expose the target. Each pair uses its own entities so nothing is summed.
    Builder b;
    b.contract("E1", "E2", ContractKind::equity, 100)     // X[E1][E2] = 100 * 1.0
        .contract("L1", "L2", ContractKind::loan, 100)    // X[L1][L2] = 100 * 0.6
        .contract("B1", "B2", ContractKind::bond, 100)    // X[B1][B2] = 60
        .contract("C1", "C2", ContractKind::credit, 100)  // X[C1][C2] = 60
        .contract("S1", "S2", ContractKind::lease, 100)   // X[S2][S1] = 100 * 0.5
        .contract("P1", "P2", ContractKind::purchase, 100)   // X[P2][P1] = 100 * 0.3
        .contract("G1", "G2", ContractKind::guarantee, 100)  // X[G2][G1] = 100 * 1.0
        .contract("W1", "W2", ContractKind::warrant, 100);   // X[W2][W1] = 100 * 1.0
    const Network& net = b.network();
    const SparseRows x = build_exposures(net, {});
    EXPECT_DOUBLE_EQ(exposure(x, net, "E1", "E2"), 100);
    EXPECT_DOUBLE_EQ(exposure(x, net, "E2", "E1"), 0);
    EXPECT_DOUBLE_EQ(exposure(x, net, "L1", "L2"), 60);
    EXPECT_DOUBLE_EQ(exposure(x, net, "B1", "B2"), 60);
    EXPECT_DOUBLE_EQ(exposure(x, net, "C1", "C2"), 60);
    EXPECT_DOUBLE_EQ(exposure(x, net, "S2", "S1"), 50);
    EXPECT_DOUBLE_EQ(exposure(x, net, "S1", "S2"), 0);
    EXPECT_DOUBLE_EQ(exposure(x, net, "P2", "P1"), 30);
    EXPECT_DOUBLE_EQ(exposure(x, net, "G2", "G1"), 100);
    EXPECT_DOUBLE_EQ(exposure(x, net, "W2", "W1"), 100);
    EXPECT_EQ(x.entries(), 8u);
}

TEST(Exposures, ParallelContractsSumAndSelfLoopsNeverCount) {
    Builder b;
    b.contract("A", "B", ContractKind::loan, 10)    // 6
        .contract("A", "B", ContractKind::loan, 20)  // 12
        .contract("A", "B", ContractKind::equity, 5)  // 5  -> X[A][B] = 23
        .contract("A", "A", ContractKind::loan, 1000);  // self-loop: ignored (SPEC 6)
    const Network& net = b.network();
    const SparseRows x = build_exposures(net, {});
    EXPECT_DOUBLE_EQ(exposure(x, net, "A", "B"), 23);
    EXPECT_DOUBLE_EQ(exposure(x, net, "A", "A"), 0);
    EXPECT_EQ(x.entries(), 1u);
    const Obligations l = build_obligations(net);
    EXPECT_DOUBLE_EQ(l.by_debtor.at(idx(net, "B"), idx(net, "A")), 30);  // B owes A 10 + 20
    EXPECT_DOUBLE_EQ(l.by_debtor.at(idx(net, "A"), idx(net, "A")), 0);
    EXPECT_DOUBLE_EQ(l.network_owed[idx(net, "A")], 0);
}

TEST(Exposures, PerContractLgdWinsOverTheOverride) {
    Builder b;
    b.contract("A", "B", ContractKind::loan, 100, 0.1)  // own lgd: 10
        .contract("A", "C", ContractKind::loan, 100)    // override 0.9: 90
        .contract("D", "A", ContractKind::purchase, 100);  // no override: 0.3 -> X[A][D] = 30
    const Network& net = b.network();
    LgdOverrides overrides{};
    overrides[static_cast<std::size_t>(ContractKind::loan)] = 0.9;
    const SparseRows x = build_exposures(net, overrides);
    EXPECT_DOUBLE_EQ(exposure(x, net, "A", "B"), 10);
    EXPECT_DOUBLE_EQ(exposure(x, net, "A", "C"), 90);
    EXPECT_DOUBLE_EQ(exposure(x, net, "A", "D"), 30);
    EXPECT_DOUBLE_EQ(effective_lgd(net.contract(0), overrides), 0.1);
    EXPECT_DOUBLE_EQ(effective_lgd(net.contract(1), overrides), 0.9);
}

TEST(Exposures, ObligationsFollowSpec16) {
    // loan/bond/credit: the target owes the source; purchase/lease: the source owes the target;
    // equity/guarantee/warrant: no obligation.
    Builder b;
    b.contract("Bank", "Lab", ContractKind::loan, 10)       // Lab owes Bank 10
        .contract("Lab", "Cloud", ContractKind::purchase, 5)  // Lab owes Cloud 5
        .contract("Lab", "Cloud", ContractKind::lease, 3)     // Lab owes Cloud 3
        .contract("Bank", "Cloud", ContractKind::bond, 7)     // Cloud owes Bank 7
        .contract("Fund", "Lab", ContractKind::equity, 50)
        .contract("Cloud", "Lab", ContractKind::guarantee, 50)
        .contract("Cloud", "Lab", ContractKind::warrant, 50);
    const Network& net = b.network();
    const Obligations l = build_obligations(net);
    EXPECT_DOUBLE_EQ(l.by_debtor.at(idx(net, "Lab"), idx(net, "Bank")), 10);
    EXPECT_DOUBLE_EQ(l.by_debtor.at(idx(net, "Lab"), idx(net, "Cloud")), 8);
    EXPECT_DOUBLE_EQ(l.by_debtor.at(idx(net, "Cloud"), idx(net, "Bank")), 7);
    EXPECT_DOUBLE_EQ(l.by_debtor.at(idx(net, "Cloud"), idx(net, "Lab")), 0);
    EXPECT_DOUBLE_EQ(l.network_owed[idx(net, "Lab")], 18);
    EXPECT_DOUBLE_EQ(l.network_owed[idx(net, "Cloud")], 7);
    EXPECT_DOUBLE_EQ(l.network_owed[idx(net, "Fund")], 0);
    // The transpose holds the same numbers by creditor.
    EXPECT_DOUBLE_EQ(l.by_creditor.at(idx(net, "Bank"), idx(net, "Lab")), 10);
    EXPECT_DOUBLE_EQ(l.by_creditor.at(idx(net, "Cloud"), idx(net, "Lab")), 8);
    EXPECT_EQ(l.by_creditor.entries(), 3u);
}

TEST(Exposures, TransposeCarriesTheGivenValuesByAscendingRow) {
    // Rows 0: {1: 10, 2: 20}; 1: {}; 2: {0: 30, 1: 40}. Values carried: 1, 2, 3, 4.
    SparseRows m;
    m.start = {0, 2, 2, 4};
    m.column = {1, 2, 0, 1};
    m.value = {10, 20, 30, 40};
    const std::vector<double> carried = {1, 2, 3, 4};
    const SparseRows t = transpose(m, carried, 3);
    EXPECT_EQ(t.start, (std::vector<std::uint64_t>{0, 1, 3, 4}));
    EXPECT_EQ(t.column, (std::vector<EntityIndex>{2, 0, 2, 0}));
    EXPECT_EQ(t.value, (std::vector<double>{3, 1, 4, 2}));
    // Without values it carries the matrix's own.
    EXPECT_EQ(transpose(m, 3).value, (std::vector<double>{30, 10, 40, 20}));
}

TEST(Exposures, LargeTransposeEqualsTheSortedTriplets) {
    // Over 2^20 entries the transpose takes its two-pass path; 3,001 columns leave the last
    // block of columns partial. Expected: the entries sorted by (column, row).
    const std::size_t rows = 5000;
    const std::size_t columns = 3001;
    SparseRows m;
    m.start.push_back(0);
    std::uint64_t state = 12345;
    auto next_random = [&state] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return state >> 33;
    };
    std::vector<std::tuple<EntityIndex, EntityIndex, double>> by_column;
    for (std::size_t r = 0; r < rows; ++r) {
        for (std::size_t c = 0; c < columns; ++c) {
            if (next_random() % 14 != 0) continue;  // ~214 entries a row
            const double v = static_cast<double>(next_random() % 1000) + 0.5;
            m.column.push_back(static_cast<EntityIndex>(c));
            m.value.push_back(v);
            by_column.emplace_back(static_cast<EntityIndex>(c), static_cast<EntityIndex>(r), v);
        }
        m.start.push_back(m.column.size());
    }
    ASSERT_GT(m.entries(), std::size_t{1} << 20);
    std::sort(by_column.begin(), by_column.end());
    const SparseRows t = transpose(m, columns);
    ASSERT_EQ(t.entries(), by_column.size());
    ASSERT_EQ(t.rows(), columns);
    std::size_t k = 0;
    for (std::size_t c = 0; c < columns; ++c) {
        for (std::uint64_t e = t.start[c]; e < t.start[c + 1]; ++e, ++k) {
            ASSERT_EQ(std::get<0>(by_column[k]), c);
            ASSERT_EQ(t.column[e], std::get<1>(by_column[k]));
            ASSERT_EQ(t.value[e], std::get<2>(by_column[k]));
        }
    }
    EXPECT_EQ(k, by_column.size());
}

TEST(Exposures, OverflowToInfinityIsAnInputError) {
    const double big = std::numeric_limits<double>::max();
    Builder b;
    b.contract("A", "B", ContractKind::equity, big).contract("A", "B", ContractKind::equity, big);
    try {
        (void)build_exposures(b.network(), {});
        FAIL() << "expected InputError";
    } catch (const InputError& e) {
        EXPECT_STREQ(e.what(),
                     "entity A: exposure to B overflows (the summed amounts are not a finite "
                     "number of dollars)");
    }
    Builder c;
    c.owes("A", "B", big).owes("A", "C", big);
    try {
        (void)build_obligations(c.network());
        FAIL() << "expected InputError";
    } catch (const InputError& e) {
        EXPECT_STREQ(e.what(),
                     "entity A: total obligations overflow (not a finite number of dollars)");
    }
}

}  // namespace
}  // namespace crashchain
