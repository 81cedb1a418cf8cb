#pragma once
// Reusable per-run buffers: a run resets only the entries the previous run touched, so a
// shock that reaches ten entities costs ten, not the whole network.

#include <algorithm>
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

}  // namespace crashchain
