#include "circularity/search_graph.hpp"

#include <algorithm>

#include "circularity/radix_sort.hpp"

namespace crashchain::detail {

SearchGraph build_search_graph(const HopGraph& hops, const std::vector<std::uint32_t>& component,
                               const std::vector<std::uint32_t>& id_rank) {
    const std::size_t n = hops.entity_count();
    std::vector<std::uint32_t> out_degree(n, 0), in_degree(n, 0);
    std::vector<std::uint8_t> is_arc(hops.hop_count(), 0);  // inside a component, not a loop
    SearchGraph g;
    // By source, so the sources are not read from memory.
    for (EntityIndex u = 0; u < n; ++u) {
        for (HopIndex h = hops.first_hop[u]; h < hops.first_hop[u + 1]; ++h) {
            const EntityIndex v = hops.to[h];
            if (component[u] != component[v]) continue;
            ++g.rank_count;
            if (u == v) continue;
            is_arc[h] = 1;
            ++out_degree[u];
            ++in_degree[v];
        }
    }

    // Hubs first: once searched, a vertex is left out of every later search, so removing the
    // vertices on most paths (in-degree x out-degree) early shrinks the rest fastest.
    g.entity.reserve(n);
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

    // Out-arcs: the blocks are filled in entity order, so the hops are read in order (in search
    // order every block was a jump); each block is sorted by descending amount, ties by target
    // id: the rank order restricted to one source. In-arcs: one scatter, in order of sources.
    g.out_begin.assign(count + 1, 0);
    for (std::uint32_t i = 0; i < count; ++i) {
        g.out_begin[i + 1] = g.out_begin[i] + out_degree[g.entity[i]];
    }
    const std::uint32_t arcs = g.out_begin[count];
    g.out_to.resize(arcs);
    g.out_hop.resize(arcs);
    struct Keyed {
        std::uint64_t key;  // descending_key(amount)
        HopIndex hop;
    };
    std::vector<Keyed> block;
    for (EntityIndex u = 0; u < n; ++u) {
        if (out_degree[u] == 0) continue;
        block.clear();
        for (HopIndex h = hops.first_hop[u]; h < hops.first_hop[u + 1]; ++h) {
            if (is_arc[h] != 0) block.push_back({descending_key(hops.amount[h]), h});
        }
        // Equal amounts are rare: the target's id is looked up only then.
        std::sort(block.begin(), block.end(), [&](const Keyed& a, const Keyed& b) {
            if (a.key != b.key) return a.key < b.key;
            return id_rank[hops.to[a.hop]] < id_rank[hops.to[b.hop]];
        });
        std::uint32_t filled = g.out_begin[index_of[u]];
        for (const Keyed& k : block) {
            g.out_to[filled] = index_of[hops.to[k.hop]];
            g.out_hop[filled] = k.hop;
            ++filled;
        }
    }
    g.in_begin.assign(count + 1, 0);
    for (std::uint32_t i = 0; i < count; ++i) {
        g.in_begin[i + 1] = g.in_begin[i] + in_degree[g.entity[i]];
    }
    g.in_from.resize(arcs);
    std::vector<std::uint32_t> next(g.in_begin.begin(), g.in_begin.end() - 1);
    for (std::uint32_t u = 0; u < count; ++u) {
        for (std::uint32_t a = g.out_begin[u]; a < g.out_begin[u + 1]; ++a) {
            g.in_from[next[g.out_to[a]]++] = u;
        }
    }
    return g;
}

std::vector<std::uint32_t> rank_hops(const HopGraph& hops,
                                     const std::vector<std::uint32_t>& component,
                                     const std::vector<std::uint32_t>& id_rank) {
    std::vector<KeyedIndex> ranked;
    for (HopIndex h = 0; h < hops.hop_count(); ++h) {
        if (component[hops.from[h]] == component[hops.to[h]]) {
            ranked.emplace_back(descending_key(hops.amount[h]), h);
        }
    }
    radix_sort(ranked);
    // Equal amounts by ids, so ranks depend on the network and not on the input order.
    for (std::size_t i = 0; i < ranked.size();) {
        std::size_t j = i + 1;
        while (j < ranked.size() && ranked[j].first == ranked[i].first) ++j;
        if (j - i > 1) {
            std::sort(ranked.begin() + static_cast<std::ptrdiff_t>(i),
                      ranked.begin() + static_cast<std::ptrdiff_t>(j),
                      [&](const KeyedIndex& a, const KeyedIndex& b) {
                          const HopIndex x = a.second, y = b.second;
                          if (hops.from[x] != hops.from[y]) {
                              return id_rank[hops.from[x]] < id_rank[hops.from[y]];
                          }
                          return id_rank[hops.to[x]] < id_rank[hops.to[y]];
                      });
        }
        i = j;
    }
    std::vector<std::uint32_t> hop_rank(hops.hop_count(), kNoRank);
    for (std::uint32_t r = 0; r < ranked.size(); ++r) hop_rank[ranked[r].second] = r;
    return hop_rank;
}

void rank_search_graph(SearchGraph& g, const std::vector<std::uint32_t>& hop_rank) {
    const std::size_t arcs = g.out_to.size();
    g.out_rank.resize(arcs);
    for (std::size_t a = 0; a < arcs; ++a) g.out_rank[a] = hop_rank[g.out_hop[a]];
    // The in-arc u -> v is found in u's out-block: one pass over the out-arcs gives each in-arc
    // its rank, then each in-block is sorted by it (ranks are distinct).
    std::vector<std::uint64_t> in_arcs(arcs);  // rank << 32 | source
    std::vector<std::uint32_t> next(g.in_begin.begin(), g.in_begin.end() - 1);
    for (std::uint32_t u = 0; u < g.vertex_count(); ++u) {
        for (std::uint32_t a = g.out_begin[u]; a < g.out_begin[u + 1]; ++a) {
            in_arcs[next[g.out_to[a]]++] = (std::uint64_t{g.out_rank[a]} << 32) | u;
        }
    }
    g.in_rank.resize(arcs);
    for (std::uint32_t v = 0; v < g.vertex_count(); ++v) {
        std::sort(in_arcs.begin() + g.in_begin[v], in_arcs.begin() + g.in_begin[v + 1]);
        for (std::uint32_t a = g.in_begin[v]; a < g.in_begin[v + 1]; ++a) {
            g.in_rank[a] = static_cast<std::uint32_t>(in_arcs[a] >> 32);
            g.in_from[a] = static_cast<std::uint32_t>(in_arcs[a]);
        }
    }
}

}  // namespace crashchain::detail
