#include "circularity/pearce_scc.hpp"

#include <vector>

#include "circularity/pivot_component.hpp"

namespace crashchain {

ComponentLabels pearce_components(std::span<const std::uint32_t> offsets,
                                  std::span<const std::uint32_t> targets) {
    ComponentLabels result;
    const std::uint32_t n = offsets.empty() ? 0 : static_cast<std::uint32_t>(offsets.size() - 1);
    result.label.assign(n, 0);
    if (n == 0) return result;

    // rindex: 0 = unvisited; while v is open, its DFS number lowered to the smallest reached;
    // once its component is complete, a value counting down from n - 1 (always above every
    // DFS number still in use), which becomes the label. It sits beside the vertex's first
    // edge: the scan that finds an unvisited vertex has loaded the line holding its rindex,
    // so descending into it finds its edges without another cache miss.
    struct Vertex {
        std::uint32_t rindex;
        std::uint32_t begin;  // offsets[v]
    };
    std::vector<Vertex> vertex(std::size_t{n} + 1);
    for (std::uint32_t v = 0; v <= n; ++v) vertex[v] = {0, offsets[v]};
    Vertex* const state = vertex.data();
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

    // A depth-first search from `start`, which is unvisited.
    auto search = [&](std::uint32_t start) {
        state[start].rindex = index;
        calls.push_back({start, state[start].begin, index++});
        while (!calls.empty()) {
            Frame& frame = calls.back();
            const std::uint32_t v = frame.vertex;
            // The scan keeps v's low-link in a register and leaves only to descend.
            std::uint32_t low = state[v].rindex;
            std::uint32_t edge = frame.next;
            const std::uint32_t end = state[v + 1].begin;
            std::uint32_t descend_to = n;
            for (; edge < end; ++edge) {
                const std::uint32_t reached = state[target[edge]].rindex;
                if (reached == 0) {
                    descend_to = target[edge];
                    break;
                }
                low = reached < low ? reached : low;
            }
            state[v].rindex = low;
            if (descend_to != n) {
                frame.next = edge + 1;  // the edge is finished below, when descend_to returns
                state[descend_to].rindex = index;
                calls.push_back({descend_to, state[descend_to].begin, index++});
                continue;
            }
            const bool root = low == frame.number;
            calls.pop_back();
            if (root) {
                --index;
                while (!open.empty() && low <= state[open.back()].rindex) {
                    state[open.back()].rindex = component;
                    open.pop_back();
                    --index;
                }
                state[v].rindex = component--;
            } else {
                open.push_back(v);
            }
            if (!calls.empty()) {
                // Finish the parent's edge to v (a completed v holds a number above any open one).
                const std::uint32_t parent = calls.back().vertex;
                if (state[v].rindex < state[parent].rindex) {
                    state[parent].rindex = state[v].rindex;
                }
            }
        }
    };
    // The pivot's component (usually the giant one) is found by reachability. The vertices it
    // reaches get their components first, then it completes, then everything else: labels
    // stay in reverse topological order. Every depth-first search meets the pivot's members
    // as completed vertices.
    const PivotComponent pivot = pivot_component(offsets, targets);
    if (pivot.size >= 2) {
        for (std::uint32_t v = 0; v < n; ++v) {
            if (state[v].rindex == 0 && has_bit(pivot.reached, v) && !has_bit(pivot.member, v)) {
                search(v);
            }
        }
        for (std::uint32_t v = 0; v < n; ++v) {
            if (has_bit(pivot.member, v)) state[v].rindex = component;
        }
        --component;
    }
    for (std::uint32_t v = 0; v < n; ++v) {
        if (state[v].rindex == 0) search(v);
    }
    // Completed components took n-1, n-2, ...: renumber from 0 in completion order. When every
    // vertex is its own component, `component` wraps from 0 to 2^32 - 1 and the unsigned
    // difference is still n.
    for (std::uint32_t v = 0; v < n; ++v) result.label[v] = (n - 1) - state[v].rindex;
    result.count = (n - 1) - component;
    return result;
}

}  // namespace crashchain
