#include "circularity/pearce_scc.hpp"

#include <vector>

namespace crashchain {

ComponentLabels pearce_components(std::span<const std::uint32_t> offsets,
                                  std::span<const std::uint32_t> targets) {
    ComponentLabels result;
    const std::uint32_t n = offsets.empty() ? 0 : static_cast<std::uint32_t>(offsets.size() - 1);
    result.label.assign(n, 0);
    if (n == 0) return result;

    // rindex[v]: 0 = unvisited; while v is open, its DFS number lowered to the smallest reached;
    // once its component is complete, a value counting down from n - 1 (always above every
    // DFS number still in use), which becomes the label.
    std::uint32_t* const rindex = result.label.data();
    const std::uint32_t* const offset = offsets.data();
    const std::uint32_t* const target = targets.data();
    std::vector<std::uint32_t> open;  // visited vertices whose component is not complete yet
    // A frame remembers the vertex's own DFS number: the vertex is the root of its component
    // exactly when nothing lowered rindex below it (Pearce's root bit, without a bit array).
    struct Frame {
        std::uint32_t vertex;
        std::uint32_t next;  // the next out-edge to look at
        std::uint32_t number;
    };
    std::vector<Frame> calls;
    std::uint32_t index = 1;
    std::uint32_t component = n - 1;

    for (std::uint32_t start = 0; start < n; ++start) {
        if (rindex[start] != 0) continue;
        rindex[start] = index;
        calls.push_back({start, offset[start], index++});
        while (!calls.empty()) {
            Frame& frame = calls.back();
            const std::uint32_t v = frame.vertex;
            // The scan keeps v's low-link in a register and leaves only to descend.
            std::uint32_t low = rindex[v];
            std::uint32_t edge = frame.next;
            const std::uint32_t end = offset[v + 1];
            std::uint32_t descend_to = n;
            for (; edge < end; ++edge) {
                const std::uint32_t reached = rindex[target[edge]];
                if (reached == 0) {
                    descend_to = target[edge];
                    break;
                }
                low = reached < low ? reached : low;
            }
            rindex[v] = low;
            if (descend_to != n) {
                frame.next = edge + 1;  // the edge is finished below, when descend_to returns
                rindex[descend_to] = index;
                calls.push_back({descend_to, offset[descend_to], index++});
                continue;
            }
            const bool root = low == frame.number;
            calls.pop_back();
            if (root) {
                --index;
                while (!open.empty() && low <= rindex[open.back()]) {
                    rindex[open.back()] = component;
                    open.pop_back();
                    --index;
                }
                rindex[v] = component--;
            } else {
                open.push_back(v);
            }
            if (!calls.empty()) {
                // Finish the parent's edge to v (a completed v holds a number above any open one).
                const std::uint32_t parent = calls.back().vertex;
                if (rindex[v] < rindex[parent]) rindex[parent] = rindex[v];
            }
        }
    }
    // Completed components took n-1, n-2, ...: renumber from 0 in completion order. When every
    // vertex is its own component, `component` wraps from 0 to 2^32 - 1 and the unsigned
    // difference is still n.
    for (auto& label : result.label) label = (n - 1) - label;
    result.count = (n - 1) - component;
    return result;
}

}  // namespace crashchain
