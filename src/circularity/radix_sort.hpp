#pragma once
// Stable least-significant-digit radix sort of (key, value) pairs by key (detail of the
// circularity code, where sorting a million hops by amount with std::sort dominated a run).

#include <algorithm>
#include <bit>
#include <cstdint>
#include <utility>
#include <vector>

namespace crashchain::detail {

using KeyedIndex = std::pair<std::uint64_t, std::uint32_t>;

/// Below this many items a comparison sort wins: each radix pass clears and sums 65,536 counts.
inline constexpr std::size_t kRadixSortFrom = 4096;

/// Sorts by ascending key, keeping the input order of equal keys. 16-bit digits, four passes.
inline void radix_sort(std::vector<KeyedIndex>& items) {
    if (items.size() < kRadixSortFrom) {
        std::stable_sort(items.begin(), items.end(), [](const KeyedIndex& a, const KeyedIndex& b) {
            return a.first < b.first;
        });
        return;
    }
    std::vector<KeyedIndex> buffer(items.size());
    std::vector<std::uint32_t> count(65537);
    for (unsigned shift = 0; shift < 64; shift += 16) {
        std::fill(count.begin(), count.end(), 0);
        for (const auto& item : items) ++count[((item.first >> shift) & 0xFFFF) + 1];
        for (std::size_t d = 0; d < 65536; ++d) count[d + 1] += count[d];
        for (const auto& item : items) buffer[count[(item.first >> shift) & 0xFFFF]++] = item;
        items.swap(buffer);
    }
}

/// A key whose ascending order is the descending order of a non-negative double.
[[nodiscard]] inline std::uint64_t descending_key(double value) {
    return ~std::bit_cast<std::uint64_t>(value);  // for value >= 0 the bits grow with the value
}
/// The value of a descending_key.
[[nodiscard]] inline double from_descending_key(std::uint64_t key) {
    return std::bit_cast<double>(~key);
}

}  // namespace crashchain::detail
