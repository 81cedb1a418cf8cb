#include "circularity/cycles.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "circularity/cycle_listing.hpp"
#include "circularity/cycle_search.hpp"
#include "circularity/radix_sort.hpp"

namespace crashchain {
namespace {

using detail::FoundCycles;
using detail::SearchEnd;
using detail::SearchLimits;

constexpr std::uint64_t kFirstGallop = 256;  // hops kept by the first probe of the largest
constexpr std::uint64_t kMinRefineWork = 1u << 24;  // arcs: small graphs always refine fully

/// The search graph, its searcher and, once a probe leaves hops out, the ranks of the hops.
class Prober {
public:
    Prober(const CircularityIndex& index, const CycleOptions& options)
        : index_(index),
          graph_(detail::build_search_graph(index.hops, index.components.label, index.id_rank)),
          search_(graph_, options.max_length) {
        // Self-loops in rank order (descending amount, then id): probes stop at the limit.
        const HopGraph& hops = index.hops;
        for (EntityIndex u = 0; u < hops.entity_count(); ++u) {  // by source: no read of `from`
            for (HopIndex h = hops.first_hop[u]; h < hops.first_hop[u + 1]; ++h) {
                if (hops.to[h] == u) self_loops_.push_back(h);
            }
        }
        std::sort(self_loops_.begin(), self_loops_.end(), [&](HopIndex a, HopIndex b) {
            const auto ka = detail::descending_key(hops.amount[a]);
            const auto kb = detail::descending_key(hops.amount[b]);
            if (ka != kb) return ka < kb;
            return index.id_rank[hops.from[a]] < index.id_rank[hops.from[b]];
        });
    }

    [[nodiscard]] std::uint32_t rank_count() const { return graph_.rank_count; }
    [[nodiscard]] std::uint64_t arc_count() const { return graph_.out_to.size(); }
    [[nodiscard]] std::uint64_t work() const { return search_.work(); }
    /// Ends the probes: the search graph's arc arrays, whose pages are in memory already, are
    /// given to `result` to be filled, where fresh ones cost a page fault each (about 3 us on
    /// our VM; a first-found run spent a sixth of its time in them).
    void give_arrays(CycleResult& result) {
        const auto give = [](std::vector<std::uint32_t>& from, std::vector<std::uint32_t>& to) {
            from.clear();
            to = std::move(from);
        };
        give(graph_.out_to, result.nodes);
        give(graph_.out_hop, result.hop_contracts);
        give(graph_.in_from, result.hop_first);
        result.hop_first.push_back(0);
    }
    /// Rank of every hop on a cycle; empty until a probe has left some hops out.
    [[nodiscard]] const std::vector<std::uint32_t>& hop_rank() const { return hop_rank_; }

    /// The cycles using only the `rank_limit` largest hops, within `limits`.
    SearchEnd probe(std::uint32_t rank_limit, const SearchLimits& limits, FoundCycles& out) {
        const bool all_hops = rank_limit >= rank_count();
        if (!all_hops && hop_rank_.empty()) {
            hop_rank_ = detail::rank_hops(index_.hops, index_.components.label, index_.id_rank);
            detail::rank_search_graph(graph_, hop_rank_);
        }
        out.clear();
        for (const HopIndex h : self_loops_) {
            if (!all_hops && hop_rank_[h] >= rank_limit) break;
            if (out.size() >= limits.cap) return SearchEnd::cap_reached;
            out.nodes.push_back(index_.hops.from[h]);
            out.hops.push_back(h);
            out.offset.push_back(static_cast<std::uint32_t>(out.nodes.size()));
        }
        return search_.run(rank_limit, limits, out);
    }

private:
    const CircularityIndex& index_;
    std::vector<HopIndex> self_loops_;
    std::vector<std::uint32_t> hop_rank_;
    detail::SearchGraph graph_;
    detail::BoundedCycleSearch search_;  // reads graph_
};

}  // namespace

std::vector<bool> CycleResult::contracts_on_cycles(std::size_t contract_count) const {
    std::vector<bool> on(contract_count, false);
    for (const auto& cycle : cycles) {
        for (std::uint32_t i = 0; i < cycle.length; ++i) {
            for (const ContractIndex c : contracts_of(cycle, i)) on[c] = true;
        }
    }
    return on;
}

CycleResult find_cycles(const Network& network, const CycleOptions& options) {
    return find_cycles(network, index_circularity(network), options);
}

CycleResult find_cycles(const Network& network, const CircularityIndex& index,
                        const CycleOptions& options) {
    (void)network;  // everything needed is in the index; kept for the uniform call shape
    if (options.max_length == 0) throw std::invalid_argument("find_cycles: max_length must be >= 1");
    if (options.limit == 0) throw std::invalid_argument("find_cycles: limit must be >= 1");
    if (!(options.time_limit > 0)) {
        throw std::invalid_argument("find_cycles: time_limit must be positive");
    }
    SearchLimits limits;
    limits.cap = options.limit + 1;  // one more than listed tells "more exist"
    limits.deadline = std::chrono::steady_clock::now() +
                      std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                          std::chrono::duration<double>(std::min(options.time_limit, 1e9)));

    CycleResult result;
    Prober prober(index, options);
    FoundCycles upper;  // a probe that found more than `limit` cycles
    const SearchEnd end = prober.probe(prober.rank_count(), limits, upper);
    detail::CandidateList candidates(index.hops.entity_count(), options.max_length);
    if (end != SearchEnd::cap_reached || !options.largest_first) {
        result.truncated = end != SearchEnd::complete;
        result.timed_out = end == SearchEnd::time_out;
        candidates.add(upper, 0, prober.hop_rank(), index.hops, index.id_rank);
        prober.give_arrays(result);
        candidates.list(options.limit, index.hops, result);
        return result;
    }

    // More than `limit` cycles. Search on how many of the largest hops the graph keeps: `lower`
    // holds every cycle of the `lo` largest hops (at most `limit`), `upper` more than `limit`
    // cycles of the `hi` largest. At hi = lo + 1 every cycle of `upper` not in `lower` has
    // bottleneck amount(hop lo), no larger than any in `lower`, and every cycle not found has a
    // bottleneck no larger than that: the union holds `limit` largest bottlenecks. Before that,
    // the union is the best of what was found. Gallop up from few hops first: probes of sparse
    // subgraphs are cheap, while one of half the hops can hold few cycles per start vertex yet
    // search a large component from each.
    result.truncated = true;
    limits.work_limit =
        prober.work() + kMinRefineWork +
        static_cast<std::uint64_t>(options.refine_work_per_arc *
                                   static_cast<double>(prober.arc_count() + prober.rank_count()));
    FoundCycles lower, probe;
    std::uint32_t lo = 0, hi = prober.rank_count();
    const auto step = [&](std::uint32_t mid) {
        const SearchEnd e = prober.probe(mid, limits, probe);
        if (e == SearchEnd::time_out) result.timed_out = true;
        if (e == SearchEnd::time_out || e == SearchEnd::out_of_work) return false;
        if (e == SearchEnd::complete) {
            lo = mid;
            std::swap(lower, probe);
        } else {
            hi = mid;
            std::swap(upper, probe);
        }
        probe.clear();
        return true;
    };
    bool going = true;
    for (std::uint64_t reach = kFirstGallop; going && reach < hi; reach *= 2) {
        going = step(static_cast<std::uint32_t>(reach));
    }
    while (going && hi - lo > 1) going = step(lo + (hi - lo) / 2);
    // An interrupted probe still found real cycles of large hops: they compete too. Cycles with
    // every hop among the `lo` largest are all in `lower`; the others may be found twice.
    candidates.add(lower, 0, prober.hop_rank(), index.hops, index.id_rank);
    candidates.add(upper, lo, prober.hop_rank(), index.hops, index.id_rank);
    candidates.add(probe, lo, prober.hop_rank(), index.hops, index.id_rank);
    prober.give_arrays(result);
    candidates.list(options.limit, index.hops, result);
    return result;
}

}  // namespace crashchain
