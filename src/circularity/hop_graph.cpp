#include "circularity/hop_graph.hpp"

#include <algorithm>

namespace crashchain {
namespace {

/// Contract indices sorted by (from, to, index): two stable counting sorts, linear time.
std::vector<ContractIndex> by_endpoints(const std::vector<Contract>& contracts, std::size_t n) {
    std::vector<ContractIndex> by_to(contracts.size()), sorted(contracts.size());
    std::vector<std::uint32_t> start(n + 1, 0);
    for (const auto& c : contracts) ++start[c.to + 1];
    for (std::size_t v = 0; v < n; ++v) start[v + 1] += start[v];
    for (ContractIndex c = 0; c < contracts.size(); ++c) by_to[start[contracts[c].to]++] = c;
    std::fill(start.begin(), start.end(), 0);
    for (const auto& c : contracts) ++start[c.from + 1];
    for (std::size_t u = 0; u < n; ++u) start[u + 1] += start[u];
    for (const ContractIndex c : by_to) sorted[start[contracts[c].from]++] = c;
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
    HopGraph hops;
    hops.contracts = by_endpoints(contracts, n);
    hops.first_hop.assign(n + 1, 0);
    hops.first_contract.push_back(0);
    for (std::size_t i = 0; i < hops.contracts.size();) {
        const Contract& first = contracts[hops.contracts[i]];
        Dollars sum = 0;  // in contract order, so the same network always gives the same sum
        for (; i < hops.contracts.size() && contracts[hops.contracts[i]].from == first.from &&
               contracts[hops.contracts[i]].to == first.to;
             ++i) {
            sum += contracts[hops.contracts[i]].amount;
        }
        hops.from.push_back(first.from);
        hops.to.push_back(first.to);
        hops.amount.push_back(sum);
        hops.first_contract.push_back(static_cast<std::uint32_t>(i));
        ++hops.first_hop[first.from + 1];
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
