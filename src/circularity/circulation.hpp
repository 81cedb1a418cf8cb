#pragma once
// Circulation (SPEC 2): how much of the money goes round in circles. The maximum of the sum of
// f_e over all contracts subject to 0 <= f_e <= amount_e and inflow = outflow at every entity;
// self-loops carry their full amount (SPEC 6). It equals the gross notional that conservative
// compression could remove without changing any entity's net position (D'Errico & Roukny,
// "Compressing over-the-counter markets", 2017/2021).
//
// Solved as a minimum-cost circulation with cost -1 per unit on every hop (parallel contracts
// summed) with LEMON's NetworkSimplex (Dantzig's primal network simplex, block-search pivots),
// only on hops inside strongly connected components: a circulation is a sum of cycles, and no
// cycle leaves its component. Costs and potentials are integers, so every pivot decision is
// exact; flows are doubles. The result carries a dual certificate: with the potentials, any
// circulation is at most sum over hops of amount * max(0, 1 - pi(u) + pi(v)), and the value is
// checked against that bound to 1e-9 relative (else std::runtime_error: an internal failure,
// never reported as bad input). A hop's flow is split over its contracts pro rata.

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

[[nodiscard]] CirculationResult max_circulation(const Network& network);
[[nodiscard]] CirculationResult max_circulation(const Network& network,
                                                const CircularityIndex& index);

}  // namespace crashchain
