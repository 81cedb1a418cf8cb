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
        if (!mark(i)) return false;
        list_.push_back(i);
        return true;
    }
    [[nodiscard]] bool contains(EntityIndex i) const { return mark_[i] != 0; }
    /// Marks without listing; true if newly marked. Threads may mark disjoint entities at
    /// once; each keeps its own list of the new ones and `adopt`s it afterwards.
    bool mark(EntityIndex i) {
        if (mark_[i] != 0) return false;
        mark_[i] = 1;
        return true;
    }
    /// Lists entities already marked by `mark`.
    void adopt(const std::vector<EntityIndex>& marked) {
        list_.insert(list_.end(), marked.begin(), marked.end());
    }
    void clear() {
        for (EntityIndex i : list_) mark_[i] = 0;
        list_.clear();
    }
    [[nodiscard]] const std::vector<EntityIndex>& list() const { return list_; }
    void sort();

private:
    std::vector<char> mark_;
    std::vector<EntityIndex> list_;
    std::vector<std::uint64_t> bits_;
};

/// Scatter loops over a large network: the target `ahead` entries further is fetched early
/// (targets are random; rows lie back to back, so at a row's end this reads into the next).
/// Worth it only when the targets' array is beyond the per-core cache.
inline constexpr std::uint64_t kPrefetchAhead = 16;
/// The DebtRank scatters (8-byte targets, little work per push) look further ahead: at 1M /
/// 10M, 32 instead of 16 took linear DebtRank from 408-601 ms to 316-500 ms in six
/// alternating pairs (2026-11-29); Furfine's pushes showed no gain, so they keep 16.
inline constexpr std::uint64_t kScatterPrefetchAhead = 32;
/// Pulls (linear DebtRank's large steps: sum W[i][j] * delta_j along row i) read a random
/// delta_j per entry and write nothing random; at 1M / 10M, 64 ahead instead of 32 took a
/// one-thread run from 398-428 ms to 283-284 ms (2026-11-29, alternating).
inline constexpr std::uint64_t kPullPrefetchAhead = 64;
/// Frontier rows lie anywhere in the matrix, so a scatter jumping to the next one waits on
/// memory: fetch the row start 2 x kRowsAhead rows ahead, and the first lines of the row
/// kRowsAhead ahead and its source value. At 1M / 10M this took a linear DebtRank step pushing
/// 305,000 exposures from 54,000 rows from 23-25 ms to 13-20 ms, and a DebtRank run from
/// 102-116 ms to 83-113 ms.
inline constexpr std::size_t kRowsAhead = 8;
template <class T>
[[nodiscard]] bool worth_prefetching(std::size_t n) {
    return n * sizeof(T) > (std::size_t{1} << 20);
}
template <std::uint64_t kAhead = kPrefetchAhead, class T>
void prefetch_target(const T* targets, const EntityIndex* column, std::uint64_t k,
                     std::uint64_t entries) {
    if (k + kAhead < entries) __builtin_prefetch(targets + column[k + kAhead]);
}

inline void prefetch_frontier_row(const std::uint64_t* start, const EntityIndex* column,
                                  const double* weight, const double* source,
                                  const EntityIndex* frontier, std::size_t r, std::size_t count) {
    if (r + 2 * kRowsAhead < count) __builtin_prefetch(start + frontier[r + 2 * kRowsAhead]);
    if (r + kRowsAhead < count) {
        const EntityIndex j = frontier[r + kRowsAhead];
        const std::uint64_t head = start[j];
        __builtin_prefetch(column + head);
        __builtin_prefetch(weight + head);
        __builtin_prefetch(source + j);
    }
}

/// One row of a DebtRank step: incoming[column[k]] += weight[k] * source for k in [begin, end)
/// (source = h_j for DebtRank, delta_j for linear DebtRank), in row order. Dense steps apply
/// afterwards by a pass over every entity and list nothing. Sparse steps list each receiver in
/// `received` when its `incoming` turns nonzero (pushes are >= 0, so at most once): written
/// unconditionally to the next free slot and counted by a flag, no branch in the hot loop
/// (`received` needs one slot past the last receiver). Returns the new count of receivers.
inline std::size_t scatter_row(double* incoming, const EntityIndex* column, const double* weight,
                               std::uint64_t begin, std::uint64_t end, std::uint64_t entries,
                               bool prefetch, double source, bool dense, EntityIndex* received,
                               std::size_t reached) {
    if (dense) {
        for (std::uint64_t k = begin; k < end; ++k) {
            if (prefetch) prefetch_target<kScatterPrefetchAhead>(incoming, column, k, entries);
            incoming[column[k]] += weight[k] * source;
        }
        return reached;
    }
    for (std::uint64_t k = begin; k < end; ++k) {
        if (prefetch) prefetch_target<kScatterPrefetchAhead>(incoming, column, k, entries);
        const EntityIndex i = column[k];
        const double before = incoming[i];
        const double after = before + weight[k] * source;
        incoming[i] = after;
        received[reached] = i;
        reached += static_cast<std::size_t>((before == 0) & (after != 0));
    }
    return reached;
}

/// Writes the distinct entries of `list` (entity indices below `n`, repeats allowed) ascending
/// to `out`, which may be `list`; returns how many. A large list is sorted by setting bits and
/// scanning them (linear, repeats vanish), a small one by std::sort and std::unique. Kernels
/// visit each frontier in ascending order so that the rows of the sparse matrix are read front
/// to back.
inline std::size_t sort_distinct_entities(const EntityIndex* list, std::size_t count,
                                          std::size_t n, std::vector<std::uint64_t>& bits,
                                          EntityIndex* out) {
    if (count * 32 < n) {
        if (out != list) std::copy(list, list + count, out);
        std::sort(out, out + count);
        return static_cast<std::size_t>(std::unique(out, out + count) - out);
    }
    bits.resize((n + 63) / 64);
    for (std::size_t k = 0; k < count; ++k) {
        bits[list[k] >> 6] |= std::uint64_t{1} << (list[k] & 63);
    }
    std::size_t size = 0;
    for (std::size_t w = 0; w < bits.size(); ++w) {
        for (std::uint64_t word = bits[w]; word != 0; word &= word - 1) {
            const auto bit = static_cast<unsigned>(std::countr_zero(word));
            out[size++] = static_cast<EntityIndex>(w * 64 + bit);
        }
        bits[w] = 0;
    }
    return size;
}
/// Sorts distinct entity indices below `n` ascending, in place.
inline void sort_entities(EntityIndex* list, std::size_t count, std::size_t n,
                          std::vector<std::uint64_t>& bits) {
    (void)sort_distinct_entities(list, count, n, bits, list);
}
inline void sort_entities(std::vector<EntityIndex>& list, std::size_t n,
                          std::vector<std::uint64_t>& bits) {
    sort_entities(list.data(), list.size(), n, bits);
}

inline void TouchedSet::sort() { sort_entities(list_, mark_.size(), bits_); }

}  // namespace crashchain
