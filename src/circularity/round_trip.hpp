#pragma once
// Round trips (SPEC 2 "Round trip"): how much of what an entity pays out can come back to it.
// For entity X: the maximum flow from X to X through the network, X split into a source that
// keeps its outgoing contracts and a sink that keeps its incoming ones (capacities = amounts,
// parallel contracts summed into hops); a self-loop X -> X returns its whole amount (SPEC 6).
// `ratio = returns / outflow`, outflow = sum of X's outgoing amounts. It measures vendor
// financing: money lent or invested that comes back as purchases.
//
// Every path from X back to X stays inside X's strongly connected component, so each component
// is solved on its own, one maximum flow per entity (round_trip_flow.hpp): shortest augmenting
// paths (Edmonds & Karp 1972) found by bidirectional breadth-first search, which on networks with
// hubs meets long before either side has seen the whole component.

#include <vector>

#include "circularity/index.hpp"
#include "model/network.hpp"

namespace crashchain {

struct RoundTrip {
    EntityIndex entity = kNoEntity;
    Dollars outflow = 0;  ///< sum of the entity's outgoing contract amounts
    Dollars returns = 0;  ///< maximum flow back to it, 0 <= returns <= min(outflow, inflow)
    double ratio = 0;     ///< returns / outflow
};

/// Every entity with outflow > 0, by ratio descending, then id.
[[nodiscard]] std::vector<RoundTrip> round_trips(const Network& network);
[[nodiscard]] std::vector<RoundTrip> round_trips(const Network& network,
                                                 const CircularityIndex& index);

}  // namespace crashchain
