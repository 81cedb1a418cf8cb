#include <gtest/gtest.h>

#include "circularity/scc.hpp"
#include "test_network.hpp"

namespace crashchain {
namespace {

// id_ranks compares an 8-byte prefix first and the whole id only on a tie: these ids tie on
// their prefix, differ only past byte 8, are shorter than 8 bytes, or carry bytes above 0x7f
// (which sort after ASCII, as bytes, not as signed chars).
TEST(IdRanks, OrderIdsByteWiseAcrossThePrefixBoundary) {
    const Network net = testing::make_network(
        {"abcdefghZ", "\xc3\xa9t\xc3\xa9", "abcdefgh", "abc", "abcdefghA", "z", "abcdefgi"}, {});
    // Byte-wise: abc < abcdefgh < abcdefghA < abcdefghZ < abcdefgi < z < "été" (0xc3...).
    const std::vector<std::uint32_t> expected{3, 6, 1, 0, 2, 5, 4};
    EXPECT_EQ(id_ranks(net), expected);
}

}  // namespace
}  // namespace crashchain
