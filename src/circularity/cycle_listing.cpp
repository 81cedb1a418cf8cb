#include "circularity/cycle_listing.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

#include "circularity/radix_sort.hpp"

namespace crashchain::detail {

CandidateList::CandidateList(std::size_t entity_count, std::size_t max_length) {
    const std::size_t entities = std::max<std::size_t>(entity_count, 1);
    rank_bits_ = std::max(1u, static_cast<unsigned>(std::bit_width(entities - 1)));
    const auto length_bits = static_cast<unsigned>(
        std::bit_width(std::min(std::max<std::size_t>(max_length, 1), entities)));
    length_shift_ = 64 - length_bits;
    packed_ = length_shift_ / rank_bits_;
}

void CandidateList::add(const FoundCycles& found, std::uint32_t min_rank,
                        const std::vector<std::uint32_t>& hop_rank, const HopGraph& hops,
                        const std::vector<std::uint32_t>& id_rank) {
    items_.reserve(items_.size() + found.size());
    ranks_.reserve(ranks_.size() + found.nodes.size());
    for (std::uint32_t c = 0; c < found.size(); ++c) {
        const std::uint32_t begin = found.offset[c];
        const std::uint32_t length = found.offset[c + 1] - begin;
        if (min_rank > 0) {
            std::uint32_t max_rank = 0;
            for (std::uint32_t i = 0; i < length; ++i) {
                max_rank = std::max(max_rank, hop_rank[found.hops[begin + i]]);
            }
            if (max_rank < min_rank) continue;
        }
        std::uint32_t rotation = 0, smallest = UINT32_MAX;
        Dollars bottleneck = INFINITY;
        for (std::uint32_t i = 0; i < length; ++i) {
            const std::uint32_t rank = id_rank[found.nodes[begin + i]];
            if (rank < smallest) {
                smallest = rank;
                rotation = i;
            }
            bottleneck = std::min(bottleneck, hops.amount[found.hops[begin + i]]);
        }
        const auto first = static_cast<std::uint32_t>(ranks_.size());
        std::uint64_t prefix = std::uint64_t{length} << length_shift_;
        for (std::uint32_t i = 0; i < length; ++i) {
            const std::uint32_t at = rotation + i < length ? rotation + i : rotation + i - length;
            const std::uint32_t rank = id_rank[found.nodes[begin + at]];
            ranks_.push_back(rank);
            if (i < packed_)
                prefix |= std::uint64_t{rank} << (length_shift_ - (i + 1) * rank_bits_);
        }
        items_.push_back({descending_key(bottleneck), prefix, first, length, &found, c, rotation});
    }
}

int CandidateList::compare(const Item& a, const Item& b) const {
    if (a.bottleneck_key != b.bottleneck_key) return a.bottleneck_key < b.bottleneck_key ? -1 : 1;
    if (a.prefix_key != b.prefix_key) return a.prefix_key < b.prefix_key ? -1 : 1;
    // Same length and first ranks: the rest of the id sequence decides.
    for (std::uint32_t i = packed_; i < a.length; ++i) {
        const std::uint32_t x = ranks_[a.first + i], y = ranks_[b.first + i];
        if (x != y) return x < y ? -1 : 1;
    }
    return 0;
}

void CandidateList::list(std::size_t limit, const HopGraph& hops, CycleResult& result) {
    std::sort(items_.begin(), items_.end(),
              [&](const Item& a, const Item& b) { return compare(a, b) < 0; });
    // Sorting brings a cycle found twice (by two probes) together: keep one.
    items_.erase(std::unique(items_.begin(), items_.end(),
                             [&](const Item& a, const Item& b) { return compare(a, b) == 0; }),
                 items_.end());
    const std::size_t keep = std::min(limit, items_.size());
    // Sizes first, then every array filled in place: appending hop by hop cost more than the
    // sort did.
    const auto position = [](const Item& c, std::uint32_t i) {
        const std::uint32_t at =
            c.rotation + i < c.length ? c.rotation + i : c.rotation + i - c.length;
        return c.found->offset[c.index] + at;
    };
    std::size_t node_count = 0, contract_count = 0;
    for (std::size_t k = 0; k < keep; ++k) {
        const Item& c = items_[k];
        node_count += c.length;
        for (std::uint32_t i = 0; i < c.length; ++i) {
            contract_count += hops.hop_contracts(c.found->hops[position(c, i)]).size();
        }
    }
    result.cycles.resize(keep);
    result.nodes.resize(node_count);
    result.hop_amount.resize(node_count);
    result.hop_first.assign(node_count + 1, 0);
    result.hop_contracts.resize(contract_count);
    std::uint32_t node = 0, contract = 0;
    for (std::size_t k = 0; k < keep; ++k) {
        const Item& c = items_[k];
        Cycle& cycle = result.cycles[k];
        cycle = {node, c.length, INFINITY, 0};
        for (std::uint32_t i = 0; i < c.length; ++i, ++node) {
            const std::uint32_t at = position(c, i);
            const HopIndex h = c.found->hops[at];
            result.nodes[node] = c.found->nodes[at];
            result.hop_amount[node] = hops.amount[h];
            for (const ContractIndex x : hops.hop_contracts(h))
                result.hop_contracts[contract++] = x;
            result.hop_first[node + 1] = contract;
            cycle.bottleneck = std::min(cycle.bottleneck, hops.amount[h]);
            cycle.volume += hops.amount[h];  // from the first entity on, as documented
        }
    }
}

}  // namespace crashchain::detail
