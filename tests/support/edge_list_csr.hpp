#pragma once
// A small directed graph given as an edge list, in the compressed sparse rows that the SCC
// searches (pearce_components, pivot_component) take: targets of vertex v at
// targets[offsets[v] .. offsets[v + 1]), in edge-list order.

#include <cstdint>
#include <utility>
#include <vector>

namespace crashchain::test {

struct EdgeListCsr {
    std::vector<std::uint32_t> offsets;
    std::vector<std::uint32_t> targets;
};

inline EdgeListCsr edge_list_csr(std::uint32_t n,
                                 const std::vector<std::pair<std::uint32_t, std::uint32_t>>& edges) {
    EdgeListCsr g{std::vector<std::uint32_t>(n + 1, 0), std::vector<std::uint32_t>(edges.size())};
    for (const auto& e : edges) ++g.offsets[e.first + 1];
    for (std::uint32_t v = 0; v < n; ++v) g.offsets[v + 1] += g.offsets[v];
    std::vector<std::uint32_t> fill(g.offsets.begin(), g.offsets.end() - 1);
    for (const auto& e : edges) g.targets[fill[e.first]++] = e.second;
    return g;
}

}  // namespace crashchain::test
