#include "circularity/search_graph.hpp"

#include <algorithm>

namespace crashchain::detail {

SearchGraph build_search_graph(const HopGraph& hops, const std::vector<std::uint32_t>& id_rank,
                               const std::vector<std::uint32_t>& hop_rank) {
    const std::size_t n = hops.entity_count();
    std::vector<std::uint32_t> out_degree(n, 0), in_degree(n, 0);
    std::vector<HopIndex> by_rank;
    for (HopIndex h = 0; h < hops.hop_count(); ++h) {
        if (hop_rank[h] == kNoRank || hops.from[h] == hops.to[h]) continue;
        ++out_degree[hops.from[h]];
        ++in_degree[hops.to[h]];
        by_rank.push_back(h);
    }
    std::sort(by_rank.begin(), by_rank.end(),
              [&](HopIndex a, HopIndex b) { return hop_rank[a] < hop_rank[b]; });

    // Hubs first: once searched, a vertex is left out of every later search, so removing the
    // vertices on most paths (in-degree x out-degree) early shrinks the rest fastest.
    SearchGraph g;
    for (EntityIndex e = 0; e < n; ++e) {
        if (out_degree[e] > 0) g.entity.push_back(e);
    }
    std::sort(g.entity.begin(), g.entity.end(), [&](EntityIndex a, EntityIndex b) {
        const auto pa = std::uint64_t{in_degree[a]} * out_degree[a];
        const auto pb = std::uint64_t{in_degree[b]} * out_degree[b];
        if (pa != pb) return pa > pb;
        return id_rank[a] < id_rank[b];
    });
    const std::uint32_t count = g.vertex_count();
    std::vector<std::uint32_t> index_of(n, kNoRank);
    for (std::uint32_t i = 0; i < count; ++i) index_of[g.entity[i]] = i;

    // Counting placement in rank order leaves every vertex's arcs sorted by rank.
    g.out_begin.assign(count + 1, 0);
    g.in_begin.assign(count + 1, 0);
    for (std::uint32_t i = 0; i < count; ++i) {
        g.out_begin[i + 1] = g.out_begin[i] + out_degree[g.entity[i]];
        g.in_begin[i + 1] = g.in_begin[i] + in_degree[g.entity[i]];
    }
    const std::size_t arcs = by_rank.size();
    g.out_to.resize(arcs);
    g.out_rank.resize(arcs);
    g.out_hop.resize(arcs);
    g.in_from.resize(arcs);
    g.in_rank.resize(arcs);
    std::vector<std::uint32_t> next_out(g.out_begin.begin(), g.out_begin.end() - 1);
    std::vector<std::uint32_t> next_in(g.in_begin.begin(), g.in_begin.end() - 1);
    for (const HopIndex h : by_rank) {
        const std::uint32_t u = index_of[hops.from[h]];
        const std::uint32_t v = index_of[hops.to[h]];
        const std::uint32_t o = next_out[u]++;
        g.out_to[o] = v;
        g.out_rank[o] = hop_rank[h];
        g.out_hop[o] = h;
        const std::uint32_t i = next_in[v]++;
        g.in_from[i] = u;
        g.in_rank[i] = hop_rank[h];
    }
    return g;
}

}  // namespace crashchain::detail
