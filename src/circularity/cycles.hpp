#pragma once
// Elementary cycles of the contract graph (SPEC 2 "Elementary cycles", SPEC 6 "Cycles",
// "Self-loops"): money that goes round in a circle.
//
// Parallel contracts are collapsed into hops (hop_graph.hpp) so each cycle is reported once. Each
// strongly connected component is searched separately with the bounded algorithm of Gupta &
// Suzumura (2021; cycle_search.hpp). Bounds: at most `max_length` entities per cycle, `limit`
// cycles listed, `time_limit` seconds.
//
// When more than `limit` cycles exist the result is truncated and lists cycles with the largest
// bottlenecks: the subgraphs of the largest hops are searched (galloping, then bisection on how
// many hops are kept) until the cut-off bottleneck is pinned down, which gives exactly the
// `limit` largest bottlenecks (ties at the cut-off in search order). That refinement has a work
// budget counted in arcs scanned, not seconds, so the listing is the same on any machine; if it
// runs out the listing is the best of the cycles found. See docs/circularity.md.

#include <cstdint>
#include <span>
#include <vector>

#include "circularity/index.hpp"
#include "model/network.hpp"

namespace crashchain {

struct CycleOptions {
    std::size_t max_length = 8;   ///< most entities on a cycle (--max-length, >= 1)
    std::size_t limit = 100000;   ///< most cycles listed (--limit, >= 1)
    double time_limit = 10;       ///< seconds of enumeration (--time-limit, > 0)
    /// When truncated, search further for the `limit` largest bottlenecks; false lists the
    /// `limit` largest among the first `limit + 1` found (fastest).
    bool largest_first = true;
    /// Work budget of that search, in arcs scanned per arc of the graph searched (on top of
    /// 2^24 arcs, so small networks are always listed exactly).
    double refine_work_per_arc = 16;
};

/// One cycle: `length` entities and hops from `first` in the flat arrays of CycleResult.
struct Cycle {
    std::uint32_t first = 0;
    std::uint32_t length = 0;
    Dollars bottleneck = 0;  ///< smallest hop amount
    Dollars volume = 0;      ///< sum of hop amounts (summed from the first entity on)
};

struct CycleResult {
    std::vector<Cycle> cycles;  ///< by bottleneck desc, length asc, then id sequence
    /// Entities of every cycle, each rotated so its lexicographically smallest id comes first.
    std::vector<EntityIndex> nodes;
    /// Hop i of a cycle goes from nodes[first + i] to nodes[first + (i + 1) % length]: its amount
    /// and its contracts (hop_contracts[hop_first[first + i] .. hop_first[first + i + 1])).
    std::vector<Dollars> hop_amount;
    std::vector<std::uint32_t> hop_first{0};
    std::vector<ContractIndex> hop_contracts;
    bool truncated = false;  ///< more than `limit` cycles exist, or the time limit fired
    bool timed_out = false;  ///< the time limit fired (the listing may then vary between runs)

    [[nodiscard]] std::span<const EntityIndex> nodes_of(const Cycle& cycle) const {
        return {nodes.data() + cycle.first, cycle.length};
    }
    /// The contracts of hop `i` of `cycle`.
    [[nodiscard]] std::span<const ContractIndex> contracts_of(const Cycle& cycle,
                                                              std::uint32_t i) const {
        return {hop_contracts.data() + hop_first[cycle.first + i],
                hop_contracts.data() + hop_first[cycle.first + i + 1]};
    }
    [[nodiscard]] Dollars amount_of(const Cycle& cycle, std::uint32_t i) const {
        return hop_amount[cycle.first + i];
    }
    /// For each contract of the network: is it on a listed cycle? (diagram highlighting)
    [[nodiscard]] std::vector<bool> contracts_on_cycles(std::size_t contract_count) const;
};

/// std::invalid_argument if max_length or limit is 0 or time_limit is not positive.
[[nodiscard]] CycleResult find_cycles(const Network& network, const CycleOptions& options);
[[nodiscard]] CycleResult find_cycles(const Network& network, const CircularityIndex& index,
                                      const CycleOptions& options);

}  // namespace crashchain
