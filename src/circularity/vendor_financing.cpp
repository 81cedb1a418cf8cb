#include "circularity/vendor_financing.hpp"

#include <algorithm>

namespace crashchain {
namespace {

constexpr HopIndex kNoHop = UINT32_MAX;

/// Sum and list of the contracts of a hop whose kind passes `keep`.
template <typename Keep>
std::pair<Dollars, std::vector<ContractIndex>> part(const Network& network, const HopGraph& hops,
                                                    HopIndex hop, Keep keep) {
    std::pair<Dollars, std::vector<ContractIndex>> out{0, {}};
    for (const ContractIndex c : hops.hop_contracts(hop)) {
        if (!keep(network.contract(c).kind)) continue;
        out.first += network.contract(c).amount;
        out.second.push_back(c);
    }
    return out;
}

}  // namespace

bool is_investment_kind(ContractKind kind) {
    // A warrant is equity handed to the customer (AMD -> OpenAI): the same pattern.
    return kind == ContractKind::equity || kind == ContractKind::warrant ||
           kind == ContractKind::loan || kind == ContractKind::bond ||
           kind == ContractKind::credit;
}

bool is_return_kind(ContractKind kind) {
    return kind == ContractKind::purchase || kind == ContractKind::lease;
}

std::vector<VendorFinancing> find_vendor_financing(const Network& network,
                                                   const CircularityIndex& index,
                                                   std::size_t limit) {
    const HopGraph& hops = index.hops;
    const std::size_t n = hops.entity_count();
    const auto& rank = index.id_rank;
    const auto before = [&](const VendorFinancing& a, const VendorFinancing& b) {
        if (a.returned != b.returned) return a.returned > b.returned;
        if (a.share != b.share) return a.share > b.share;
        return std::lexicographical_compare(
            a.nodes.begin(), a.nodes.end(), b.nodes.begin(), b.nodes.end(),
            [&](EntityIndex x, EntityIndex y) { return rank[x] < rank[y]; });
    };
    std::vector<VendorFinancing> flags;  // a heap with the worst kept flag on top
    if (limit == 0) return flags;
    const auto offer = [&](VendorFinancing flag) {
        if (flags.size() == limit) {
            if (!before(flag, flags.front())) return;
            std::pop_heap(flags.begin(), flags.end(), before);
            flags.pop_back();
        }
        flags.push_back(std::move(flag));
        std::push_heap(flags.begin(), flags.end(), before);
    };

    // For each investor X: by payer, the hop paying X back and its purchases and leases.
    std::vector<HopIndex> pays_back(n, kNoHop);
    std::vector<Dollars> paid_back(n, 0);
    std::vector<std::vector<HopIndex>> into(n);
    for (HopIndex h = 0; h < hops.hop_count(); ++h) {
        if (hops.from[h] != hops.to[h] && index.on_some_cycle(h)) into[hops.to[h]].push_back(h);
    }
    for (EntityIndex x = 0; x < n; ++x) {
        for (const HopIndex h : into[x]) {
            const Dollars back = part(network, hops, h, is_return_kind).first;
            if (back <= 0) continue;
            pays_back[hops.from[h]] = h;
            paid_back[hops.from[h]] = back;
        }
        for (HopIndex out = hops.first_hop[x]; out < hops.first_hop[x + 1]; ++out) {
            const EntityIndex y = hops.to[out];
            if (y == x || !index.on_some_cycle(out)) continue;
            const auto invested = part(network, hops, out, is_investment_kind);
            if (invested.first <= 0) continue;
            const auto flag = [&](std::vector<EntityIndex> nodes,
                                  std::vector<std::vector<ContractIndex>> contracts,
                                  Dollars back) {
                const Dollars returned = std::min(back, invested.first);
                offer({std::move(nodes), std::move(contracts), invested.first, returned,
                       returned / invested.first});
            };
            const auto returns_of = [&](EntityIndex payer) {
                return part(network, hops, pays_back[payer], is_return_kind).second;
            };
            if (pays_back[y] != kNoHop) {
                flag({x, y}, {invested.second, returns_of(y)}, paid_back[y]);
            }
            for (HopIndex via = hops.first_hop[y]; via < hops.first_hop[y + 1]; ++via) {
                const EntityIndex z = hops.to[via];
                if (z == x || z == y || pays_back[z] == kNoHop) continue;
                const auto middle = hops.hop_contracts(via);
                flag({x, y, z}, {invested.second, {middle.begin(), middle.end()}, returns_of(z)},
                     std::min(hops.amount[via], paid_back[z]));
            }
        }
        for (const HopIndex h : into[x]) pays_back[hops.from[h]] = kNoHop;
    }
    std::sort(flags.begin(), flags.end(), before);
    return flags;
}

}  // namespace crashchain
