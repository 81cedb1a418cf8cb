#include "circularity/circulation.hpp"

#include <algorithm>
#include <cmath>
#include <lemon/network_simplex.h>
#include <lemon/static_graph.h>
#include <stdexcept>
#include <string>

namespace crashchain {
namespace {

constexpr double kCertificateTolerance = 1e-9;  // SPEC 2: exact to 1e-9 relative

}  // namespace

CirculationResult max_circulation(const Network& network) {
    return max_circulation(network, index_circularity(network));
}

CirculationResult max_circulation(const Network& network, const CircularityIndex& index) {
    const HopGraph& hops = index.hops;
    CirculationResult result;
    result.flow.assign(network.contract_count(), 0);
    for (const auto& c : network.contracts()) result.total += c.amount;

    // Hop flows: self-loops in full; hops inside components from the network simplex.
    std::vector<Dollars> hop_flow(hops.hop_count(), 0);
    std::vector<HopIndex> arc_hop;
    std::vector<std::pair<int, int>> arcs;  // sorted by source, as StaticDigraph::build needs
    std::vector<int> node_of(hops.entity_count(), -1);
    int nodes = 0;
    const auto node = [&](EntityIndex e) {
        if (node_of[e] < 0) node_of[e] = nodes++;
        return node_of[e];
    };
    for (HopIndex h = 0; h < hops.hop_count(); ++h) {
        if (hops.from[h] == hops.to[h]) {
            hop_flow[h] = hops.amount[h];
        } else if (index.on_some_cycle(h)) {
            arc_hop.push_back(h);
        }
    }
    // Number nodes in source order first so the arc list stays sorted by source.
    for (const HopIndex h : arc_hop) node(hops.from[h]);
    for (const HopIndex h : arc_hop) arcs.emplace_back(node_of[hops.from[h]], node(hops.to[h]));

    if (!arcs.empty()) {
        lemon::StaticDigraph graph;
        graph.build(nodes, arcs.begin(), arcs.end());
        lemon::StaticDigraph::ArcMap<double> capacity(graph), cost(graph, -1.0);
        for (std::size_t a = 0; a < arc_hop.size(); ++a) {
            capacity[graph.arc(static_cast<int>(a))] = hops.amount[arc_hop[a]];
        }
        lemon::NetworkSimplex<lemon::StaticDigraph, double, double> simplex(graph);
        simplex.upperMap(capacity).costMap(cost);
        if (simplex.run() != decltype(simplex)::OPTIMAL) {
            throw std::runtime_error("circulation: the network simplex found no optimum");
        }
        Dollars bound = 0;
        for (std::size_t a = 0; a < arc_hop.size(); ++a) {
            const auto arc = graph.arc(static_cast<int>(a));
            const Dollars amount = hops.amount[arc_hop[a]];
            hop_flow[arc_hop[a]] = std::clamp(simplex.flow(arc), 0.0, amount);
            // Reduced cost -1 + pi(u) - pi(v) (LEMON's convention); integers, exact.
            const double gain = 1 - simplex.potential(graph.source(arc)) +
                                simplex.potential(graph.target(arc));
            if (gain > 0) bound += amount * gain;
        }
        result.dual_bound = bound;
    }

    for (HopIndex h = 0; h < hops.hop_count(); ++h) {
        if (hop_flow[h] == 0) continue;
        const auto contracts = hops.hop_contracts(h);
        if (contracts.size() == 1) {
            result.flow[contracts.front()] = hop_flow[h];
            continue;
        }
        const double fraction = hop_flow[h] / hops.amount[h];
        for (const ContractIndex c : contracts) {
            result.flow[c] = std::min(network.contract(c).amount,
                                      network.contract(c).amount * fraction);
        }
    }
    for (const Dollars f : result.flow) result.value += f;
    Dollars loops = 0;
    for (HopIndex h = 0; h < hops.hop_count(); ++h) {
        if (hops.from[h] == hops.to[h]) loops += hops.amount[h];
    }
    result.dual_bound += loops;
    if (result.dual_bound - result.value >
        kCertificateTolerance * std::max(result.dual_bound, 1.0)) {
        throw std::runtime_error("circulation: value " + std::to_string(result.value) +
                                 " is not certified optimal (dual bound " +
                                 std::to_string(result.dual_bound) + ")");
    }
    result.share = result.total > 0 ? result.value / result.total : 0;
    return result;
}

}  // namespace crashchain
