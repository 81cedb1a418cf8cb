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
    std::vector<std::uint32_t>& rindex = result.label;
    std::vector<bool> root(n, false);
    std::vector<std::uint32_t> open;  // visited vertices whose component is not complete yet
    struct Frame {
        std::uint32_t vertex;
        std::uint32_t next;  // the next out-edge to look at
    };
    std::vector<Frame> calls;
    std::uint32_t index = 1;
    std::uint32_t component = n - 1;

    const auto begin_visit = [&](std::uint32_t v) {
        rindex[v] = index++;
        root[v] = true;
        calls.push_back({v, offsets[v]});
    };
    const auto finish_edge = [&](std::uint32_t v, std::uint32_t w) {
        if (rindex[w] < rindex[v]) {
            rindex[v] = rindex[w];
            root[v] = false;
        }
    };

    for (std::uint32_t start = 0; start < n; ++start) {
        if (rindex[start] != 0) continue;
        begin_visit(start);
        while (!calls.empty()) {
            Frame& frame = calls.back();
            const std::uint32_t v = frame.vertex;
            if (frame.next < offsets[v + 1]) {
                const std::uint32_t w = targets[frame.next];
                if (rindex[w] == 0) {
                    begin_visit(w);  // the edge is finished when w returns
                } else {
                    finish_edge(v, w);
                    ++frame.next;
                }
                continue;
            }
            calls.pop_back();
            if (root[v]) {
                --index;
                while (!open.empty() && rindex[v] <= rindex[open.back()]) {
                    rindex[open.back()] = component;
                    open.pop_back();
                    --index;
                }
                rindex[v] = component--;
            } else {
                open.push_back(v);
            }
            if (!calls.empty()) {
                Frame& parent = calls.back();
                finish_edge(parent.vertex, v);
                ++parent.next;
            }
        }
    }
    // Completed components took n-1, n-2, ...: renumber from 0 in completion order. When every
    // vertex is its own component, `component` wraps from 0 to 2^32 - 1 and the unsigned
    // difference is still n.
    for (auto& label : rindex) label = (n - 1) - label;
    result.count = (n - 1) - component;
    return result;
}

}  // namespace crashchain
