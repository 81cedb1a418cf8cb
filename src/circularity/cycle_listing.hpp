#pragma once
// The listing of found cycles (detail of cycles.cpp): canonical rotation, SPEC 2 order
// (bottleneck descending, length ascending, then the id sequence), repeats dropped, the first
// `limit` written into a CycleResult.
//
// Each cycle gets two integer keys so that nearly every comparison of the sort is two integer
// compares: the bottleneck as an integer that sorts like it, and the length packed with the id
// ranks of its first entities (as many as fit in 64 bits). Only cycles equal on both are compared
// on the rest of their ranks, kept flat in one array. On a 100k-entity network 100,000 cycles
// fell into groups of up to 35,000 with the same bottleneck and length, so the id sequence
// decides most comparisons.
//
// Writing the listing reads each hop's amount and contracts in sorted order: a random access
// into million-entry arrays per hop. The loads are issued some cycles ahead (prefetched) so they
// overlap instead of waiting one after another. Copying every cycle's data aside in the order
// found (where consecutive cycles share hops) was tried: as fast to read, but the copy's fresh
// pages cost more than the misses saved (a page fault is about 3 us on our VM).

#include <cstdint>
#include <vector>

#include "circularity/cycle_search.hpp"
#include "circularity/cycles.hpp"

namespace crashchain::detail {

class CandidateList {
public:
    /// Id ranks are below `entity_count`; cycles have at most `max_length` entities.
    CandidateList(std::size_t entity_count, std::size_t max_length);

    /// Adds the cycles of `found`. With `min_rank` > 0 only those using a hop of rank
    /// `min_rank` or more (`hop_rank`) compete: the others were found by another probe too.
    /// `found` must outlive the list.
    void add(const FoundCycles& found, std::uint32_t min_rank,
             const std::vector<std::uint32_t>& hop_rank, const HopGraph& hops,
             const std::vector<std::uint32_t>& id_rank);

    /// Sorts (SPEC 2 order), drops repeats and writes the first `limit` into `result`.
    void list(std::size_t limit, const HopGraph& hops, CycleResult& result);

    /// Id ranks packed into the second key after the length (exposed for the tests).
    [[nodiscard]] std::uint32_t packed_ranks() const { return packed_; }

private:
    struct Item {
        std::uint64_t bottleneck_key;  ///< ascending = bottleneck descending
        std::uint64_t prefix_key;      ///< length, then the first packed_ ranks
        std::uint32_t first;           ///< of its unpacked id ranks in ranks_
        std::uint32_t begin;           ///< of its entities and hops in *found_[source]
        std::uint32_t rotation;        ///< position of its smallest id from `begin`
        std::uint32_t source;          ///< index in found_
    };
    [[nodiscard]] int compare(const Item& a, const Item& b) const;
    [[nodiscard]] std::uint32_t length_of(const Item& c) const {
        return static_cast<std::uint32_t>(c.prefix_key >> length_shift_);
    }
    /// Position in its found cycles of hop `i` of `c` in canonical rotation.
    [[nodiscard]] std::uint32_t position(const Item& c, std::uint32_t i) const {
        const std::uint32_t length = length_of(c);
        return c.begin + (c.rotation + i < length ? c.rotation + i : c.rotation + i - length);
    }

    unsigned rank_bits_;
    unsigned length_shift_;
    std::uint32_t packed_;
    std::vector<Item> items_;
    /// The id ranks of every cycle past the packed ones, canonical rotation, flat.
    std::vector<std::uint32_t> ranks_;
    std::vector<const FoundCycles*> found_;
    std::size_t contracts_ = 0;  ///< of every cycle added
};

}  // namespace crashchain::detail
