// A CSV header of a million columns (a 7 MB line of names) is checked for duplicates in linear
// time; comparing each column with every earlier one took 5 * 10^11 string comparisons.
#include <gtest/gtest.h>

#include <string>

#include "unit/io/io_test_util.hpp"

namespace crashchain {
namespace {

using testing_io::csv;
using testing_io::error_of;

TEST(CsvHeader, MillionColumnsAreCheckedInLinearTime) {
    constexpr int kColumns = 1'000'000;
    std::string header = "from,to,kind,amount";
    for (int i = 0; i < kColumns; ++i) header += ",c" + std::to_string(i);
    // No rows: a well-formed header, then an empty network.
    EXPECT_EQ(error_of([&] { return csv(header + "\n"); }),
              "edges.csv: the network is empty (expected at least one entity)");
    // The last column repeats the first attribute column.
    EXPECT_EQ(error_of([&] { return csv(header + ",c0\n"); }),
              "edges.csv:1: header column \"c0\" appears twice");
}

}  // namespace
}  // namespace crashchain
