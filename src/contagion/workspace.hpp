#pragma once
// Reusable per-run buffers: a run resets only the entries the previous run touched, so a
// shock that reaches ten entities costs ten, not the whole network.

#include <algorithm>
#include <bit>
#include <cstdint>
#include <vector>

#include "core/types.hpp"

namespace crashchain {

/// A set of entity indices with O(1) insert and O(size) clear.
class TouchedSet {
public:
    explicit TouchedSet(std::size_t n = 0) : mark_(n, 0) {}
    void resize(std::size_t n) { mark_.assign(n, 0); list_.clear(); }
    /// True if newly inserted.
    bool insert(EntityIndex i) {
        if (mark_[i] != 0) return false;
        mark_[i] = 1;
        list_.push_back(i);
        return true;
    }
    [[nodiscard]] bool contains(EntityIndex i) const { return mark_[i] != 0; }
    void clear() {
        for (EntityIndex i : list_) mark_[i] = 0;
        list_.clear();
    }
    [[nodiscard]] const std::vector<EntityIndex>& list() const { return list_; }
    void sort() { std::sort(list_.begin(), list_.end()); }

private:
    std::vector<char> mark_;
    std::vector<EntityIndex> list_;
};

/// Scatter loops over a large network: the target `ahead` entries further is fetched early
/// (targets are random; rows lie back to back, so at a row's end this reads into the next).
/// Worth it only when the targets' array is beyond the per-core cache.
inline constexpr std::uint64_t kPrefetchAhead = 16;
template <class T>
[[nodiscard]] bool worth_prefetching(std::size_t n) {
    return n * sizeof(T) > (std::size_t{1} << 20);
}
template <class T>
void prefetch_target(const T* targets, const EntityIndex* column, std::uint64_t k,
                     std::uint64_t entries) {
    if (k + kPrefetchAhead < entries) __builtin_prefetch(targets + column[k + kPrefetchAhead]);
}

/// Sorts distinct entity indices below `n` ascending. A large list is sorted by setting bits
/// and scanning them (linear), a small one by std::sort. Kernels visit each frontier in
/// ascending order so that the rows of the sparse matrix are read front to back.
inline void sort_entities(std::vector<EntityIndex>& list, std::size_t n,
                          std::vector<std::uint64_t>& bits) {
    if (list.size() * 32 < n) {
        std::sort(list.begin(), list.end());
        return;
    }
    bits.resize((n + 63) / 64);
    for (EntityIndex i : list) bits[i >> 6] |= std::uint64_t{1} << (i & 63);
    list.clear();
    for (std::size_t w = 0; w < bits.size(); ++w) {
        for (std::uint64_t word = bits[w]; word != 0; word &= word - 1) {
            list.push_back(static_cast<EntityIndex>(w * 64 + static_cast<unsigned>(std::countr_zero(word))));
        }
        bits[w] = 0;
    }
}

}  // namespace crashchain
