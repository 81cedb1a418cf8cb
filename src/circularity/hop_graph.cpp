#include "circularity/hop_graph.hpp"

#include <algorithm>

namespace crashchain {
namespace {

/// Contract indices sorted by (from, to, index): two stable counting sorts, linear time, on
/// compact copies of the endpoints (contracts are large records; random access to them is slow).
std::vector<ContractIndex> by_endpoints(const std::vector<EntityIndex>& from,
                                        const std::vector<EntityIndex>& to, std::size_t n) {
    std::vector<ContractIndex> by_to(from.size()), sorted(from.size());
    std::vector<std::uint32_t> start(n + 1, 0);
    for (const auto v : to) ++start[v + 1];
    for (std::size_t v = 0; v < n; ++v) start[v + 1] += start[v];
    for (ContractIndex c = 0; c < to.size(); ++c) by_to[start[to[c]]++] = c;
    std::fill(start.begin(), start.end(), 0);
    for (const auto u : from) ++start[u + 1];
    for (std::size_t u = 0; u < n; ++u) start[u + 1] += start[u];
    for (const ContractIndex c : by_to) sorted[start[from[c]]++] = c;
    return sorted;
}

}  // namespace

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
    std::vector<EntityIndex> from(contracts.size()), to(contracts.size());
    std::vector<Dollars> amount(contracts.size());
    for (std::size_t c = 0; c < contracts.size(); ++c) {
        from[c] = contracts[c].from;
        to[c] = contracts[c].to;
        amount[c] = contracts[c].amount;
    }
    HopGraph hops;
    hops.contracts = by_endpoints(from, to, n);
    hops.first_hop.assign(n + 1, 0);
    hops.first_contract.push_back(0);
    for (std::size_t i = 0; i < hops.contracts.size();) {
        const EntityIndex u = from[hops.contracts[i]], v = to[hops.contracts[i]];
        Dollars sum = 0;  // in contract order, so the same network always gives the same sum
        for (; i < hops.contracts.size() && from[hops.contracts[i]] == u &&
               to[hops.contracts[i]] == v;
             ++i) {
            sum += amount[hops.contracts[i]];
        }
        hops.from.push_back(u);
        hops.to.push_back(v);
        hops.amount.push_back(sum);
        hops.first_contract.push_back(static_cast<std::uint32_t>(i));
        ++hops.first_hop[u + 1];
    }
    for (std::size_t u = 0; u < n; ++u) hops.first_hop[u + 1] += hops.first_hop[u];
    return hops;
}

std::vector<ContractKind> hop_kinds(const Network& network, std::span<const ContractIndex> contracts) {
    std::vector<ContractKind> kinds;
    for (const ContractIndex c : contracts) kinds.push_back(network.contract(c).kind);
    std::sort(kinds.begin(), kinds.end(),
              [](ContractKind a, ContractKind b) { return to_string(a) < to_string(b); });
    kinds.erase(std::unique(kinds.begin(), kinds.end()), kinds.end());
    return kinds;
}

}  // namespace crashchain
