#include "circularity/hop_graph.hpp"

#include <algorithm>

namespace crashchain {

std::optional<HopIndex> HopGraph::find(EntityIndex u, EntityIndex v) const {
    const auto begin = to.begin() + first_hop[u];
    const auto end = to.begin() + first_hop[u + 1];
    const auto it = std::lower_bound(begin, end, v);
    if (it == end || *it != v) return std::nullopt;
    return static_cast<HopIndex>(it - to.begin());
}

HopGraph build_hop_graph(const Network& network) {
    const auto& contracts = network.contracts();
    const std::size_t n = network.entity_count();

    // Counting sort of the contracts by source, then a stable sort of each source's block by
    // target: contracts of one hop end up adjacent and in contract order.
    std::vector<std::uint32_t> start(n + 1, 0);
    for (const auto& c : contracts) ++start[c.from + 1];
    for (std::size_t u = 0; u < n; ++u) start[u + 1] += start[u];
    std::vector<ContractIndex> by_source(contracts.size());
    {
        std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
        for (ContractIndex c = 0; c < contracts.size(); ++c) by_source[next[contracts[c].from]++] = c;
    }

    HopGraph hops;
    hops.first_hop.assign(n + 1, 0);
    hops.contracts.reserve(contracts.size());
    hops.first_contract.reserve(contracts.size() + 1);
    hops.first_contract.push_back(0);
    for (std::size_t u = 0; u < n; ++u) {
        const auto block_begin = by_source.begin() + start[u];
        const auto block_end = by_source.begin() + start[u + 1];
        std::stable_sort(block_begin, block_end, [&](ContractIndex a, ContractIndex b) {
            return contracts[a].to < contracts[b].to;
        });
        for (auto it = block_begin; it != block_end;) {
            const EntityIndex v = contracts[*it].to;
            Dollars sum = 0;
            for (; it != block_end && contracts[*it].to == v; ++it) {
                sum += contracts[*it].amount;
                hops.contracts.push_back(*it);
            }
            hops.from.push_back(static_cast<EntityIndex>(u));
            hops.to.push_back(v);
            hops.amount.push_back(sum);
            hops.first_contract.push_back(static_cast<std::uint32_t>(hops.contracts.size()));
        }
        hops.first_hop[u + 1] = static_cast<HopIndex>(hops.to.size());
    }
    return hops;
}

std::vector<ContractKind> hop_kinds(const Network& network, const HopGraph& hops, HopIndex hop) {
    std::vector<ContractKind> kinds;
    for (const ContractIndex c : hops.hop_contracts(hop)) kinds.push_back(network.contract(c).kind);
    std::sort(kinds.begin(), kinds.end(),
              [](ContractKind a, ContractKind b) { return to_string(a) < to_string(b); });
    kinds.erase(std::unique(kinds.begin(), kinds.end()), kinds.end());
    return kinds;
}

}  // namespace crashchain
