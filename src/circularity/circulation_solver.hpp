#pragma once
// The maximum circulation solver (detail of circulation.cpp).
//
// Max sum f_e, 0 <= f_e <= c_e, conservation, is solved through its complement: start from every
// arc full (f = c) and take back g = c - f at least cost. g must leave each node v exactly
// b_v = out_c(v) - in_c(v) more than it brings in, and costs 1 per unit per arc: a minimum-cost
// transport with unit costs, where every cost is non-negative. It is solved by the primal-dual
// method (successive shortest paths in phases, Ahuja, Magnanti & Orlin, "Network Flows", 1993,
// ch. 9.8): a truncated Dijkstra with bucket queues over the small integer reduced costs updates
// the node potentials; then, on the arcs of zero reduced cost copied into a compact phase graph,
// breadth-first labels from the deficits guide depth-first augmenting paths downhill, with a
// capped relabelling of dead ends (Dinic's blocking flow with push-relabel's distance labels).
// After a phase the nearest deficit is nearly always one unit away, so the next update is a
// search of the phase graph that raises by 1 whatever the sources can not reach; the Dijkstra
// runs again only when the phase after such a step moves nothing (the same potentials).
// Measured on the generated networks, 10,000 / 100,000 and 100,000 / 1M (docs/circularity.md):
// the phases are few (14 and 17, 2 and 1 Dijkstras), and the time is in the labellings and the
// downhill searches; Dinic's one-level-step layers needed 4-5x more labellings. Per-component
// solving would change nothing: only arcs inside components are given, and no search crosses
// from one component to another. LEMON's CostScaling (integer data only;
// compiles as C++17, not C++20) took 5 s and its NetworkSimplex 12-46 s by pivot rule on the
// smaller network, where this solver takes about 0.2 s; so the hand-written solver stays.
// A 2-cycle's smaller amount can not be cancelled up front: u -> v 10, v -> u 1, v -> w -> u 10
// each circulates 30 only with v -> u empty. Residual capacities are kept directly (not as
// c - flow), so a saturated arc is exactly 0 and every augmentation ends with an exact zero; the
// final potentials are a dual certificate (circulation.hpp).

#include <cstdint>
#include <vector>

#include "circularity/residual_arcs.hpp"

namespace crashchain::detail {

using CirculationArc = CapacityArc;

struct CirculationSolution {
    std::vector<double> flow;          ///< per arc, 0 <= flow <= capacity
    std::vector<std::int64_t> potential;  ///< per node; arc gain 1 + q(from) - q(to)
};

/// Arcs must not be loops. `nodes` bounds every endpoint.
[[nodiscard]] CirculationSolution solve_max_circulation(std::uint32_t nodes,
                                                        const std::vector<CirculationArc>& arcs);

}  // namespace crashchain::detail
