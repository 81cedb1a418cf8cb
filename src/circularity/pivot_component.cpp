#include "circularity/pivot_component.hpp"

#include <bit>

namespace crashchain {

PivotComponent pivot_component(std::span<const std::uint32_t> offsets,
                               std::span<const std::uint32_t> targets, unsigned max_sweeps) {
    PivotComponent result;
    const std::uint32_t n = offsets.empty() ? 0 : static_cast<std::uint32_t>(offsets.size() - 1);
    if (n == 0) return result;
    const std::uint32_t* const offset = offsets.data();
    const std::uint32_t* const target = targets.data();
    for (std::uint32_t v = 1; v < n; ++v) {
        if (offset[v + 1] - offset[v] > offset[result.pivot + 1] - offset[result.pivot]) {
            result.pivot = v;
        }
    }
    const std::size_t words = (std::size_t{n} + 63) / 64;
    auto& reached = result.reached;
    reached.assign(words, 0);
    auto set = [](std::vector<std::uint64_t>& bits, std::uint32_t v) {
        bits[v >> 6] |= std::uint64_t{1} << (v & 63);
    };
    // Forward: breadth-first, the queue holding every vertex reached.
    std::vector<std::uint32_t> queue;
    queue.reserve(n);
    queue.push_back(result.pivot);
    set(reached, result.pivot);
    for (std::size_t head = 0; head < queue.size(); ++head) {
        // The queue's vertices are random: fetch a row's bounds 16 vertices ahead and the row
        // itself 8 ahead (those bounds have arrived by then), so that loads overlap.
        if (head + 16 < queue.size()) __builtin_prefetch(offset + queue[head + 16]);
        if (head + 8 < queue.size()) __builtin_prefetch(target + offset[queue[head + 8]]);
        const std::uint32_t v = queue[head];
        for (std::uint32_t e = offset[v]; e < offset[v + 1]; ++e) {
            const std::uint32_t w = target[e];
            if (!has_bit(reached, w)) {
                set(reached, w);
                queue.push_back(w);
            }
        }
    }
    // Backward, among the reached vertices only: v reaches the pivot iff one of its targets
    // does. Each sweep adds every vertex whose target joined before it in the sweep's order.
    auto& member = result.member;
    member.assign(words, 0);
    set(member, result.pivot);
    auto join = [&](std::uint32_t v) {
        if (!has_bit(reached, v) || has_bit(member, v)) return false;
        for (std::uint32_t e = offset[v]; e < offset[v + 1]; ++e) {
            if (has_bit(member, target[e])) {
                set(member, v);
                return true;
            }
        }
        return false;
    };
    for (unsigned sweep = 0;; ++sweep) {
        if (sweep == max_sweeps) {
            member.clear();
            return result;  // size 0: gave up
        }
        bool grew = false;
        if (sweep % 2 == 0) {
            for (std::uint32_t v = 0; v < n; ++v) grew = join(v) || grew;
        } else {
            for (std::uint32_t v = n; v-- > 0;) grew = join(v) || grew;
        }
        if (!grew) break;
    }
    for (const std::uint64_t word : member) result.size += static_cast<std::uint32_t>(std::popcount(word));
    return result;
}

}  // namespace crashchain
