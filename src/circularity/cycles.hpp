#pragma once
// Elementary cycles of the contract graph (SPEC 2 "Elementary cycles", SPEC 6 "Cycles",
// "Self-loops"): money that goes round in a circle.
//
// Parallel contracts are collapsed into hops (hop_graph.hpp) so each cycle is reported once. Each
// strongly connected component is searched separately with the bounded algorithm of Gupta &
// Suzumura (2021; cycle_search.hpp). Bounds: at most `max_length` entities per cycle, `limit`
// cycles listed, `time_limit` seconds. When more than `limit` cycles exist the result is
// truncated and lists the `limit` cycles with the largest bottlenecks (found by searching the
// subgraphs of the largest hops, see docs/circularity.md), ties at the cut-off bottleneck broken
// by search order; when the time limit fires it lists the best of those found so far.

#include <cstdint>
#include <span>
#include <vector>

#include "circularity/hop_graph.hpp"
#include "model/network.hpp"

namespace crashchain {

struct CycleOptions {
    std::size_t max_length = 8;   ///< most entities on a cycle (--max-length, >= 1)
    std::size_t limit = 100000;   ///< most cycles listed (--limit, >= 1)
    double time_limit = 10;       ///< seconds of enumeration (--time-limit, > 0)
    /// When truncated, search further for the `limit` largest bottlenecks; false lists the
    /// first `limit` cycles found (fastest; benchmarks compare both).
    bool largest_first = true;
};

/// One cycle: `length` entities and hops from `first` in CycleResult::nodes / hop_path.
struct Cycle {
    std::uint32_t first = 0;
    std::uint32_t length = 0;
    Dollars bottleneck = 0;  ///< smallest hop amount
    Dollars volume = 0;      ///< sum of hop amounts (summed from the first entity on)
};

struct CycleResult {
    HopGraph hops;             ///< resolves a hop to its contracts, kinds and amount
    std::vector<Cycle> cycles; ///< by bottleneck desc, length asc, then id sequence
    /// Entities of every cycle, each rotated so its lexicographically smallest id comes first.
    std::vector<EntityIndex> nodes;
    /// hop_path[first + i] is the hop nodes[first + i] -> nodes[first + (i + 1) % length].
    std::vector<HopIndex> hop_path;
    bool truncated = false;  ///< more than `limit` cycles exist, or the time limit fired
    bool timed_out = false;  ///< the time limit fired (the listing may then vary between runs)

    [[nodiscard]] std::span<const EntityIndex> nodes_of(const Cycle& cycle) const {
        return {nodes.data() + cycle.first, cycle.length};
    }
    [[nodiscard]] std::span<const HopIndex> hops_of(const Cycle& cycle) const {
        return {hop_path.data() + cycle.first, cycle.length};
    }
    /// For each contract of the network: is it on a listed cycle? (diagram highlighting)
    [[nodiscard]] std::vector<bool> contracts_on_cycles(std::size_t contract_count) const;
};

/// std::invalid_argument if max_length or limit is 0 or time_limit is not positive.
[[nodiscard]] CycleResult find_cycles(const Network& network, const CycleOptions& options);

}  // namespace crashchain
