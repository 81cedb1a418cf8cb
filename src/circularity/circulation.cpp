#include "circularity/circulation.hpp"

#include "circularity/circulation_solver.hpp"

#include <algorithm>
#include <cmath>
#include <lemon/network_simplex.h>
#include <lemon/static_graph.h>
#include <stdexcept>
#include <string>

namespace crashchain {
namespace {

constexpr double kCertificateTolerance = 1e-9;  // SPEC 2: exact to 1e-9 relative

/// Flows and potentials (gain of arc u -> v: 1 - p(u) + p(v)) by LEMON's NetworkSimplex.
detail::CirculationSolution network_simplex(std::uint32_t nodes,
                                            const std::vector<detail::CirculationArc>& arcs) {
    std::vector<std::pair<int, int>> ends;  // sorted by source, as StaticDigraph::build needs
    for (const auto& a : arcs) ends.emplace_back(static_cast<int>(a.from), static_cast<int>(a.to));
    lemon::StaticDigraph graph;
    graph.build(static_cast<int>(nodes), ends.begin(), ends.end());
    lemon::StaticDigraph::ArcMap<double> capacity(graph), cost(graph, -1.0);
    for (std::size_t a = 0; a < arcs.size(); ++a) {
        capacity[graph.arc(static_cast<int>(a))] = arcs[a].capacity;
    }
    lemon::NetworkSimplex<lemon::StaticDigraph, double, double> simplex(graph);
    simplex.upperMap(capacity).costMap(cost);
    if (simplex.run() != decltype(simplex)::OPTIMAL) {
        throw std::runtime_error("circulation: the network simplex found no optimum");
    }
    detail::CirculationSolution out;
    for (std::size_t a = 0; a < arcs.size(); ++a) {
        out.flow.push_back(
            std::clamp(simplex.flow(graph.arc(static_cast<int>(a))), 0.0, arcs[a].capacity));
    }
    // LEMON's reduced cost is -1 + pi(u) - pi(v): p = -pi gives the gain 1 - p(u) + p(v).
    for (std::uint32_t v = 0; v < nodes; ++v) {
        out.potential.push_back(static_cast<std::int64_t>(-simplex.potential(graph.node(static_cast<int>(v)))));
    }
    return out;
}

}  // namespace

CirculationResult max_circulation(const Network& network) {
    return max_circulation(network, index_circularity(network));
}

CirculationResult max_circulation(const Network& network, const CircularityIndex& index,
                                  CirculationSolver solver) {
    const HopGraph& hops = index.hops;
    CirculationResult result;
    result.flow.assign(network.contract_count(), 0);
    for (const auto& c : network.contracts()) result.total += c.amount;

    // Hop flows: self-loops in full; hops inside components from the solver.
    std::vector<Dollars> hop_flow(hops.hop_count(), 0);
    std::vector<HopIndex> arc_hop;
    std::vector<std::uint32_t> node_of(hops.entity_count(), UINT32_MAX);
    std::uint32_t nodes = 0;
    for (HopIndex h = 0; h < hops.hop_count(); ++h) {
        if (hops.from[h] == hops.to[h]) {
            hop_flow[h] = hops.amount[h];
        } else if (index.on_some_cycle(h)) {
            arc_hop.push_back(h);
            // Hops come by source entity: numbering sources first keeps arcs sorted by source.
            if (node_of[hops.from[h]] == UINT32_MAX) node_of[hops.from[h]] = nodes++;
        }
    }
    std::vector<detail::CirculationArc> arcs;
    arcs.reserve(arc_hop.size());
    for (const HopIndex h : arc_hop) {
        if (node_of[hops.to[h]] == UINT32_MAX) node_of[hops.to[h]] = nodes++;
        arcs.push_back({node_of[hops.from[h]], node_of[hops.to[h]], hops.amount[h]});
    }
    if (!arcs.empty()) {
        const auto solution = solver == CirculationSolver::primal_dual
                                  ? detail::solve_max_circulation(nodes, arcs)
                                  : network_simplex(nodes, arcs);
        Dollars bound = 0;
        for (std::size_t a = 0; a < arcs.size(); ++a) {
            hop_flow[arc_hop[a]] = solution.flow[a];
            const auto gain = 1 + solution.potential[arcs[a].from] - solution.potential[arcs[a].to];
            if (gain > 0) bound += arcs[a].capacity * static_cast<double>(gain);
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
