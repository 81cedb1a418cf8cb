#pragma once
// Circulation (SPEC 2): how much of the money goes round in circles. The maximum of the sum of
// f_e over all contracts subject to 0 <= f_e <= amount_e and inflow = outflow at every entity;
// self-loops carry their full amount (SPEC 6). It equals the gross notional that conservative
// compression could remove without changing any entity's net position (D'Errico & Roukny,
// "Compressing over-the-counter markets", 2017/2021).
//
// Only hops inside strongly connected components can carry it (a circulation is a sum of cycles,
// and no cycle leaves its component); parallel contracts are summed into hops and a hop's flow
// is split over its contracts pro rata. Two exact solvers: the default takes every hop full and
// takes back the least flow that restores conservation, a unit-cost transport solved by the
// primal-dual method (circulation_solver.hpp); the other is LEMON's NetworkSimplex on the
// min-cost circulation with cost -1 per unit (7x slower at 100k contracts, 80 s at 1M, kept as an
// independent check and for the benchmarks). Both end with integer node potentials, a dual
// certificate: any circulation is at most sum over hops of amount * max(0, 1 - p(u) + p(v)), and
// the value is checked against it to 1e-9 relative (else std::runtime_error: an internal failure,
// never reported as bad input).

#include <vector>

#include "circularity/index.hpp"
#include "model/network.hpp"

namespace crashchain {

struct CirculationResult {
    Dollars value = 0;  ///< the maximum circular flow (sum of `flow`)
    Dollars total = 0;  ///< sum of all contract amounts
    double share = 0;   ///< value / total, 0 when total is 0
    std::vector<Dollars> flow;  ///< per contract: its circular flow, 0 <= flow <= amount
    /// Upper bound on the maximum from the dual solution: value <= maximum <= dual_bound.
    Dollars dual_bound = 0;
};

enum class CirculationSolver : unsigned char { primal_dual, network_simplex };

[[nodiscard]] CirculationResult max_circulation(const Network& network);
[[nodiscard]] CirculationResult max_circulation(
    const Network& network, const CircularityIndex& index,
    CirculationSolver solver = CirculationSolver::primal_dual);

}  // namespace crashchain
