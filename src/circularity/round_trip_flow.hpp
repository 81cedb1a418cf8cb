#pragma once
// Maximum flow from a vertex back to itself inside one component (detail of round_trip.cpp).
//
// The component's hops form a residual network in compressed-sparse-row order, each arc paired
// with its reverse (whose arcs into v are the reverses of v's own arcs, so one list serves both
// search directions). The vertex is split logically: arcs leaving it belong to the source, arcs
// entering it to the sink. Augmenting paths are shortest (Edmonds-Karp, so the search ends with
// real-valued amounts), found by a breadth-first search from both ends that always expands the
// side with the smaller frontier; the first vertex reached by both closes a shortest path.
// Residual rooms are kept directly, so the bottleneck arc of a path drops exactly to 0. Only the
// arcs a search changed are restored for the next vertex.

#include <cstdint>
#include <vector>

#include "circularity/residual_arcs.hpp"

namespace crashchain::detail {

using FlowArc = CapacityArc;

class ReturnFlow {
public:
    ReturnFlow(std::uint32_t vertices, const std::vector<FlowArc>& arcs);

    /// The maximum flow from `x` back to `x` (x as source of its out-arcs, sink of its in-arcs).
    [[nodiscard]] double returns(std::uint32_t x);

private:
    bool find_path(std::uint32_t x);
    double augment();
    void restore();

    ResidualArcs residual_;
    std::vector<double> capacity_;  ///< residual_.room before any search
    std::vector<std::uint32_t> touched_;
    std::vector<std::uint8_t> touched_mark_;
    // search state
    std::vector<std::uint32_t> forward_stamp_, backward_stamp_;
    std::vector<std::uint32_t> forward_arc_, backward_arc_;  ///< arc into / out of a vertex on the path
    std::uint32_t stamp_ = 0;
    std::vector<std::uint32_t> forward_frontier_, backward_frontier_, next_frontier_;
    std::vector<std::uint32_t> path_;
    std::uint32_t source_ = 0;  ///< x of the current search
    std::uint32_t meet_ = 0;
    bool meet_at_source_ = false, meet_at_sink_ = false;
    std::uint32_t end_arc_ = 0;  ///< the arc that closed the path at either end
};

}  // namespace crashchain::detail
