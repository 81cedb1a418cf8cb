#include "circularity/cycle_listing.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

#include "circularity/radix_sort.hpp"

namespace crashchain::detail {
namespace {

// How many hops (while adding) or cycles (while listing) ahead loads are issued: enough to cover
// a miss to memory, few enough that the lines are still in the cache when used.
constexpr std::uint32_t kHopsAhead = 32;
constexpr std::size_t kFoundAhead = 12, kHopDataAhead = 6, kContractsAhead = 3;

template <typename T>
void prefetch(const T& value) {
    __builtin_prefetch(&value);
}

}  // namespace

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
    const auto source = static_cast<std::uint32_t>(found_.size());
    found_.push_back(&found);
    items_.reserve(items_.size() + found.size());
    ranks_.reserve(ranks_.size() + found.nodes.size());
    const auto positions = static_cast<std::uint32_t>(found.nodes.size());
    for (std::uint32_t c = 0; c < found.size(); ++c) {
        const std::uint32_t begin = found.offset[c];
        const std::uint32_t length = found.offset[c + 1] - begin;
        const std::uint32_t ahead_end = std::min(begin + kHopsAhead + length, positions);
        for (std::uint32_t p = begin + kHopsAhead; p < ahead_end; ++p) {
            prefetch(hops.amount[found.hops[p]]);
            prefetch(hops.first_contract[found.hops[p]]);
        }
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
            const HopIndex h = found.hops[begin + i];
            bottleneck = std::min(bottleneck, hops.amount[h]);
            contracts_ += hops.first_contract[h + 1] - hops.first_contract[h];
        }
        const auto first = static_cast<std::uint32_t>(ranks_.size());
        std::uint64_t prefix = std::uint64_t{length} << length_shift_;
        for (std::uint32_t i = 0; i < length; ++i) {
            const std::uint32_t at = rotation + i < length ? rotation + i : rotation + i - length;
            const std::uint32_t rank = id_rank[found.nodes[begin + at]];
            if (i < packed_) {
                prefix |= std::uint64_t{rank} << (length_shift_ - (i + 1) * rank_bits_);
            } else {
                ranks_.push_back(rank);
            }
        }
        items_.push_back({descending_key(bottleneck), prefix, first, begin, rotation, source});
    }
}

int CandidateList::compare(const Item& a, const Item& b) const {
    if (a.bottleneck_key != b.bottleneck_key) return a.bottleneck_key < b.bottleneck_key ? -1 : 1;
    if (a.prefix_key != b.prefix_key) return a.prefix_key < b.prefix_key ? -1 : 1;
    // Same length and first ranks: the rest of the id sequence decides.
    for (std::uint32_t i = packed_; i < length_of(a); ++i) {
        const std::uint32_t x = ranks_[a.first + i - packed_], y = ranks_[b.first + i - packed_];
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
    // Reserved, then appended to: growing the arrays, or zeroing them before filling them, cost
    // more than the sort did.
    std::size_t node_count = 0;
    for (std::size_t k = 0; k < keep; ++k) node_count += length_of(items_[k]);
    result.cycles.reserve(keep);
    result.nodes.reserve(node_count);
    result.hop_amount.reserve(node_count);
    result.hop_first.reserve(node_count + 1);
    result.hop_contracts.reserve(contracts_);  // a bound: repeats and the cycles past `limit`
    // Three stages ahead of the cycle written: its entities and hops, then each hop's amount and
    // contract offsets, then its contracts.
    const auto hop_at = [&](const Item& c, std::uint32_t i) {
        return found_[c.source]->hops[position(c, i)];
    };
    for (std::size_t k = 0; k < keep; ++k) {
        if (k + kFoundAhead < keep) {
            const Item& c = items_[k + kFoundAhead];
            const FoundCycles& found = *found_[c.source];
            prefetch(found.nodes[c.begin]);
            prefetch(found.hops[c.begin]);
            prefetch(found.hops[c.begin + length_of(c) - 1]);
        }
        if (k + kHopDataAhead < keep) {
            const Item& c = items_[k + kHopDataAhead];
            for (std::uint32_t i = 0; i < length_of(c); ++i) {
                prefetch(hops.amount[hop_at(c, i)]);
                prefetch(hops.first_contract[hop_at(c, i)]);
            }
        }
        if (k + kContractsAhead < keep) {
            const Item& c = items_[k + kContractsAhead];
            for (std::uint32_t i = 0; i < length_of(c); ++i) {
                prefetch(hops.contracts[hops.first_contract[hop_at(c, i)]]);
            }
        }
        const Item& c = items_[k];
        const FoundCycles& found = *found_[c.source];
        const std::uint32_t length = length_of(c);
        Cycle cycle{static_cast<std::uint32_t>(result.nodes.size()), length,
                    from_descending_key(c.bottleneck_key), 0};
        for (std::uint32_t i = 0; i < length; ++i) {
            const std::uint32_t at = position(c, i);
            const HopIndex h = found.hops[at];
            result.nodes.push_back(found.nodes[at]);
            result.hop_amount.push_back(hops.amount[h]);
            cycle.volume += hops.amount[h];  // from the first entity on, as documented
            for (const ContractIndex x : hops.hop_contracts(h)) result.hop_contracts.push_back(x);
            result.hop_first.push_back(static_cast<std::uint32_t>(result.hop_contracts.size()));
        }
        result.cycles.push_back(cycle);
    }
}

}  // namespace crashchain::detail
