#pragma once
// The maximum circulation solver (detail of circulation.cpp).
//
// Max sum f_e, 0 <= f_e <= c_e, conservation, is solved through its complement: start from every
// arc full (f = c) and take back g = c - f at least cost. g must leave each node v exactly
// b_v = out_c(v) - in_c(v) more than it brings in, and costs 1 per unit per arc: a minimum-cost
// transport with unit costs, where every cost is non-negative. It is solved by the primal-dual
// method (successive shortest paths in phases, Ahuja, Magnanti & Orlin, "Network Flows", 1993,
// ch. 9.8): a truncated Dijkstra with bucket queues over the small integer reduced costs updates
// the node potentials, then Dinic blocking flows push along the zero-reduced-cost arcs. On the
// short-path, heavy-tailed networks of finance the phases are few. Residual capacities are kept
// directly (not as c - flow), so a saturated arc is exactly 0 and every augmentation ends with an
// exact zero; the final potentials are a dual certificate (circulation.hpp).

#include <cstdint>
#include <vector>

namespace crashchain::detail {

struct CirculationArc {
    std::uint32_t from;
    std::uint32_t to;
    double capacity;
};

struct CirculationSolution {
    std::vector<double> flow;          ///< per arc, 0 <= flow <= capacity
    std::vector<std::int64_t> potential;  ///< per node; arc gain 1 + q(from) - q(to)
};

/// Arcs must not be loops. `nodes` bounds every endpoint.
[[nodiscard]] CirculationSolution solve_max_circulation(std::uint32_t nodes,
                                                        const std::vector<CirculationArc>& arcs);

}  // namespace crashchain::detail
