#pragma once
// What every circularity analysis needs from a network, computed once: the collapsed hops, the
// strongly connected components and the order of the ids.

#include <vector>

#include "circularity/hop_graph.hpp"
#include "circularity/scc.hpp"

namespace crashchain {

struct CircularityIndex {
    HopGraph hops;
    ComponentLabels components;         ///< of the contract graph (same as of the hops)
    std::vector<std::uint32_t> id_rank; ///< see id_ranks()

    /// Is the hop on some cycle (a self-loop, or inside one component)?
    [[nodiscard]] bool on_some_cycle(HopIndex hop) const {
        return components.label[hops.from[hop]] == components.label[hops.to[hop]];
    }
};

[[nodiscard]] CircularityIndex index_circularity(const Network& network);

}  // namespace crashchain
