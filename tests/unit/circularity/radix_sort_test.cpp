#include "circularity/radix_sort.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "synth/generator.hpp"

namespace crashchain::detail {
namespace {

/// Both paths (comparison sort below kRadixSortFrom items, four radix passes from there) must
/// give std::stable_sort's order: ascending keys, equal keys in input order. Keys are drawn from
/// few values in every 16-bit digit so that ties and carries across digits are frequent.
TEST(RadixSort, EqualsStableSortOnBothSidesOfTheThreshold) {
    for (const std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{100},
                                kRadixSortFrom - 1, kRadixSortFrom, std::size_t{50'000}}) {
        SplitMix64 rng{n + 1};
        std::vector<KeyedIndex> items;
        for (std::size_t i = 0; i < n; ++i) {
            std::uint64_t key = 0;
            for (int digit = 0; digit < 4; ++digit) key = (key << 16) | (rng.next() % 3) * 0x7FFF;
            items.emplace_back(key, static_cast<std::uint32_t>(i));
        }
        auto expected = items;
        std::stable_sort(expected.begin(), expected.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        radix_sort(items);
        EXPECT_EQ(items, expected) << n << " items";
    }
}

TEST(RadixSort, DescendingKeyOrdersAmountsFromLargest) {
    std::vector<KeyedIndex> items{{descending_key(1.0), 0}, {descending_key(0.0), 1},
                                  {descending_key(1e300), 2}, {descending_key(2.5), 3}};
    radix_sort(items);
    EXPECT_EQ(items[0].second, 2u);  // 1e300
    EXPECT_EQ(items[1].second, 3u);  // 2.5
    EXPECT_EQ(items[2].second, 0u);  // 1
    EXPECT_EQ(items[3].second, 1u);  // 0
}

}  // namespace
}  // namespace crashchain::detail
