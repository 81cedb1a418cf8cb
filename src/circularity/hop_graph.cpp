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
    // Contracts sorted by (from, to, index): a counting sort by `from` that carries the rest of
    // the key, then a sort of each entity's short block. Contracts are large records, read once.
    struct Keyed {
        std::uint64_t to_and_index;  // to << 32 | contract index: the order within a block
        Dollars amount;
    };
    std::vector<std::uint32_t> start(n + 1, 0);
    std::vector<EntityIndex> from(contracts.size());
    std::vector<Keyed> in_order(contracts.size());
    for (ContractIndex c = 0; c < contracts.size(); ++c) {
        from[c] = contracts[c].from;
        in_order[c] = {(std::uint64_t{contracts[c].to} << 32) | c, contracts[c].amount};
        ++start[from[c] + 1];
    }
    for (std::size_t u = 0; u < n; ++u) start[u + 1] += start[u];
    std::vector<Keyed> sorted(contracts.size());
    {
        std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
        for (ContractIndex c = 0; c < contracts.size(); ++c) sorted[next[from[c]]++] = in_order[c];
    }
    HopGraph hops;
    hops.contracts.resize(contracts.size());
    hops.first_hop.assign(n + 1, 0);
    // Upper bounds: growing these vectors would copy them and fault in their pages repeatedly.
    hops.from.reserve(contracts.size());
    hops.to.reserve(contracts.size());
    hops.amount.reserve(contracts.size());
    hops.first_contract.reserve(contracts.size() + 1);
    hops.first_contract.push_back(0);
    for (EntityIndex u = 0; u < n; ++u) {
        const auto begin = sorted.begin() + start[u], end = sorted.begin() + start[u + 1];
        std::sort(begin, end, [](const Keyed& a, const Keyed& b) {
            return a.to_and_index < b.to_and_index;
        });
        for (auto it = begin; it != end;) {
            const auto v = static_cast<EntityIndex>(it->to_and_index >> 32);
            Dollars sum = 0;  // in contract order, so the same network always gives the same sum
            for (; it != end && (it->to_and_index >> 32) == v; ++it) {
                hops.contracts[static_cast<std::size_t>(it - sorted.begin())] =
                    static_cast<ContractIndex>(it->to_and_index);
                sum += it->amount;
            }
            hops.from.push_back(u);
            hops.to.push_back(v);
            hops.amount.push_back(sum);
            hops.first_contract.push_back(static_cast<std::uint32_t>(it - sorted.begin()));
        }
        hops.first_hop[u + 1] = static_cast<HopIndex>(hops.to.size());
    }
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
