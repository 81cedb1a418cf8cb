#pragma once
// Parallel contracts collapsed into hops (SPEC 2): the hop u -> v stands for every selected
// contract from u to v, and its amount is the sum of theirs. Cycles are enumerated on hops so a
// cycle is reported once however many contracts link its entities.

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "model/network.hpp"

namespace crashchain {

using HopIndex = std::uint32_t;

/// Hops in compressed-sparse-row form: the hops leaving u are [first_hop[u], first_hop[u + 1]),
/// sorted by target index. Self-loops are hops too (u -> u).
struct HopGraph {
    std::vector<HopIndex> first_hop;          ///< entity_count + 1 offsets
    std::vector<EntityIndex> from;            ///< per hop
    std::vector<EntityIndex> to;              ///< per hop
    std::vector<Dollars> amount;              ///< per hop: sum of its contracts, in contract order
    std::vector<std::uint32_t> first_contract;  ///< hop_count + 1 offsets into `contracts`
    std::vector<ContractIndex> contracts;     ///< the contracts of each hop, in contract order

    [[nodiscard]] std::size_t entity_count() const { return first_hop.size() - 1; }
    [[nodiscard]] std::size_t hop_count() const { return to.size(); }
    [[nodiscard]] std::span<const ContractIndex> hop_contracts(HopIndex hop) const {
        return {contracts.data() + first_contract[hop],
                contracts.data() + first_contract[hop + 1]};
    }
    /// The hop u -> v, if any contract goes from u to v.
    [[nodiscard]] std::optional<HopIndex> find(EntityIndex u, EntityIndex v) const;
};

[[nodiscard]] HopGraph build_hop_graph(const Network& network);

/// The distinct kinds of a hop's contracts, sorted by name (SPEC 6 `kinds` of a cycle).
[[nodiscard]] std::vector<ContractKind> hop_kinds(const Network& network,
                                                  std::span<const ContractIndex> contracts);

}  // namespace crashchain
