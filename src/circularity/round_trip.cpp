#include "circularity/round_trip.hpp"

#include <algorithm>

#include "circularity/round_trip_flow.hpp"

namespace crashchain {

std::vector<RoundTrip> round_trips(const Network& network) {
    return round_trips(network, index_circularity(network));
}

std::vector<RoundTrip> round_trips(const Network& network, const CircularityIndex& index) {
    const HopGraph& hops = index.hops;
    const auto& label = index.components.label;
    const std::size_t n = network.entity_count();
    std::vector<Dollars> outflow(n, 0), returns(n, 0);
    for (const auto& c : network.contracts()) outflow[c.from] += c.amount;

    // Hops between two entities of one component, grouped by component.
    std::vector<std::uint32_t> first(index.components.count + 1, 0);
    for (HopIndex h = 0; h < hops.hop_count(); ++h) {
        if (hops.from[h] == hops.to[h]) {
            returns[hops.from[h]] += hops.amount[h];  // a self-loop comes straight back
        } else if (index.on_some_cycle(h)) {
            ++first[label[hops.from[h]] + 1];
        }
    }
    for (std::uint32_t c = 0; c < index.components.count; ++c) first[c + 1] += first[c];
    std::vector<HopIndex> by_component(first.back());
    {
        std::vector<std::uint32_t> at(first.begin(), first.end() - 1);
        for (HopIndex h = 0; h < hops.hop_count(); ++h) {
            if (hops.from[h] != hops.to[h] && index.on_some_cycle(h)) {
                by_component[at[label[hops.from[h]]]++] = h;
            }
        }
    }
    std::vector<std::uint32_t> local(n, UINT32_MAX);
    std::vector<EntityIndex> members;
    std::vector<detail::FlowArc> arcs;
    for (std::uint32_t c = 0; c < index.components.count; ++c) {
        if (first[c] == first[c + 1]) continue;
        members.clear();
        arcs.clear();
        const auto vertex = [&](EntityIndex e) {
            if (local[e] == UINT32_MAX) {
                local[e] = static_cast<std::uint32_t>(members.size());
                members.push_back(e);
            }
            return local[e];
        };
        for (std::uint32_t k = first[c]; k < first[c + 1]; ++k) {
            const HopIndex h = by_component[k];
            arcs.push_back({vertex(hops.from[h]), vertex(hops.to[h]), hops.amount[h]});
        }
        detail::ReturnFlow flow(static_cast<std::uint32_t>(members.size()), arcs);
        for (std::uint32_t v = 0; v < members.size(); ++v) returns[members[v]] += flow.returns(v);
        for (const EntityIndex e : members) local[e] = UINT32_MAX;
    }

    std::vector<RoundTrip> result;
    for (EntityIndex e = 0; e < n; ++e) {
        if (!(outflow[e] > 0)) continue;
        const Dollars back = std::min(returns[e], outflow[e]);  // equal up to rounding at most
        result.push_back({e, outflow[e], back, back / outflow[e]});
    }
    std::sort(result.begin(), result.end(), [&](const RoundTrip& a, const RoundTrip& b) {
        if (a.ratio != b.ratio) return a.ratio > b.ratio;
        return index.id_rank[a.entity] < index.id_rank[b.entity];
    });
    return result;
}

}  // namespace crashchain
