#include "circularity/search_graph.hpp"

#include <algorithm>

#include "circularity/radix_sort.hpp"

namespace crashchain::detail {

SearchGraph build_search_graph(const HopGraph& hops, const std::vector<std::uint32_t>& component,
                               const std::vector<std::uint32_t>& id_rank,
                               const std::vector<std::uint32_t>& hop_rank) {
    const std::size_t n = hops.entity_count();
    std::vector<std::uint32_t> out_degree(n, 0), in_degree(n, 0);
    std::uint32_t ranked = 0;
    for (HopIndex h = 0; h < hops.hop_count(); ++h) {
        ranked += hop_rank[h] != kNoRank ? 1 : 0;
        if (hop_rank[h] == kNoRank || hops.from[h] == hops.to[h]) continue;
        ++out_degree[hops.from[h]];
        ++in_degree[hops.to[h]];
    }

    // Hubs first: once searched, a vertex is left out of every later search, so removing the
    // vertices on most paths (in-degree x out-degree) early shrinks the rest fastest.
    SearchGraph g;
    g.rank_count = ranked;
    for (EntityIndex e = 0; e < n; ++e) {
        if (out_degree[e] > 0) g.entity.push_back(e);
    }
    std::vector<KeyedIndex> order;
    order.reserve(g.entity.size());
    for (const EntityIndex e : g.entity) {
        const std::uint64_t paths = std::min<std::uint64_t>(
            std::uint64_t{in_degree[e]} * out_degree[e], UINT32_MAX);
        order.emplace_back(((UINT32_MAX - paths) << 32) | id_rank[e], e);
    }
    radix_sort(order);
    for (std::size_t i = 0; i < order.size(); ++i) g.entity[i] = order[i].second;
    const std::uint32_t count = g.vertex_count();
    std::vector<std::uint32_t> index_of(n, kNoRank);
    g.component.resize(count);
    for (std::uint32_t i = 0; i < count; ++i) {
        index_of[g.entity[i]] = i;
        g.component[i] = component[g.entity[i]];
    }

    // Out-arcs: each vertex's hops are contiguous in the hop graph, so the copy reads and writes
    // in order; then each block is sorted by rank. In-arcs: one scatter, then the same sort.
    // (Scattering in global rank order instead was the slowest step: random access everywhere.)
    const std::size_t arcs = [&] {
        std::size_t total = 0;
        for (const EntityIndex e : g.entity) total += out_degree[e];
        return total;
    }();
    g.out_begin.assign(count + 1, 0);
    g.out_to.reserve(arcs);
    g.out_rank.reserve(arcs);
    g.out_hop.reserve(arcs);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> block;  // (rank, position)
    for (std::uint32_t i = 0; i < count; ++i) {
        const EntityIndex u = g.entity[i];
        block.clear();
        for (HopIndex h = hops.first_hop[u]; h < hops.first_hop[u + 1]; ++h) {
            if (hop_rank[h] != kNoRank && hops.to[h] != u) block.emplace_back(hop_rank[h], h);
        }
        std::sort(block.begin(), block.end());
        for (const auto& [rank, h] : block) {
            g.out_to.push_back(index_of[hops.to[h]]);
            g.out_rank.push_back(rank);
            g.out_hop.push_back(h);
        }
        g.out_begin[i + 1] = static_cast<std::uint32_t>(g.out_to.size());
    }
    g.in_begin.assign(count + 1, 0);
    for (std::uint32_t i = 0; i < count; ++i) {
        g.in_begin[i + 1] = g.in_begin[i] + in_degree[g.entity[i]];
    }
    std::vector<std::uint64_t> in_arcs(arcs);  // rank << 32 | source, sorted per block
    {
        std::vector<std::uint32_t> next(g.in_begin.begin(), g.in_begin.end() - 1);
        for (std::uint32_t u = 0; u < count; ++u) {
            for (std::uint32_t a = g.out_begin[u]; a < g.out_begin[u + 1]; ++a) {
                in_arcs[next[g.out_to[a]]++] = (std::uint64_t{g.out_rank[a]} << 32) | u;
            }
        }
    }
    g.in_from.resize(arcs);
    g.in_rank.resize(arcs);
    for (std::uint32_t v = 0; v < count; ++v) {
        std::sort(in_arcs.begin() + g.in_begin[v], in_arcs.begin() + g.in_begin[v + 1]);
        for (std::uint32_t a = g.in_begin[v]; a < g.in_begin[v + 1]; ++a) {
            g.in_rank[a] = static_cast<std::uint32_t>(in_arcs[a] >> 32);
            g.in_from[a] = static_cast<std::uint32_t>(in_arcs[a]);
        }
    }
    return g;
}

}  // namespace crashchain::detail
