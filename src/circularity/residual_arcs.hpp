#pragma once
// The residual network shared by the flow solvers of SPEC 2 (circulation_solver.cpp, maximum
// circulation; round_trip_flow.cpp, round trips), in compressed-sparse-row order. Each arc
// u -> v with capacity c gives a forward residual arc in u's row (room c) and, in v's row, its
// pair that moves flow back (room 0). Arcs of a row keep the input order: for each input arc,
// its forward arc then its back arc take the next free slot of their rows.

#include <cstdint>
#include <vector>

namespace crashchain::detail {

struct CapacityArc {
    std::uint32_t from;
    std::uint32_t to;
    double capacity;
};

struct ResidualArcs {
    std::vector<std::uint32_t> first;    ///< row v is [first[v], first[v + 1]); nodes + 1
    std::vector<std::uint32_t> head;     ///< per residual arc
    std::vector<std::uint32_t> reverse;  ///< the arc's pair
    std::vector<std::uint8_t> back;      ///< 1 for the arcs that move flow back
    std::vector<double> room;            ///< capacity for forward arcs, 0 for back arcs
    std::vector<std::uint32_t> forward_of;  ///< input arc -> its forward residual arc
};

/// `nodes` bounds every endpoint.
[[nodiscard]] ResidualArcs build_residual_arcs(std::uint32_t nodes,
                                               const std::vector<CapacityArc>& arcs);

}  // namespace crashchain::detail
