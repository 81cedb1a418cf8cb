#include "circularity/cycles.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>
#include <stdexcept>

#include "circularity/cycle_search.hpp"
#include "circularity/scc.hpp"

namespace crashchain {
namespace {

using detail::FoundCycles;
using detail::SearchEnd;

/// Everything a probe needs: hops ranked by amount, the search graph and its searcher.
class Prober {
public:
    Prober(const HopGraph& hops, const ComponentLabels& labels,
           const std::vector<std::uint32_t>& id_rank, const CycleOptions& options,
           detail::Deadline deadline)
        : hops_(hops), deadline_(deadline) {
        std::vector<HopIndex> ranked;
        for (HopIndex h = 0; h < hops.hop_count(); ++h) {
            if (labels.label[hops.from[h]] == labels.label[hops.to[h]]) ranked.push_back(h);
        }
        // Descending amount, ties by ids: ranks depend on the network, not on the input order.
        std::sort(ranked.begin(), ranked.end(), [&](HopIndex a, HopIndex b) {
            if (hops.amount[a] != hops.amount[b]) return hops.amount[a] > hops.amount[b];
            if (hops.from[a] != hops.from[b]) return id_rank[hops.from[a]] < id_rank[hops.from[b]];
            return id_rank[hops.to[a]] < id_rank[hops.to[b]];
        });
        hop_rank_.assign(hops.hop_count(), detail::kNoRank);
        for (std::uint32_t r = 0; r < ranked.size(); ++r) {
            hop_rank_[ranked[r]] = r;
            if (hops.from[ranked[r]] == hops.to[ranked[r]]) self_loops_.push_back(ranked[r]);
        }
        rank_count_ = static_cast<std::uint32_t>(ranked.size());
        graph_ = detail::build_search_graph(hops, labels.label, id_rank, hop_rank_);
        search_.emplace(graph_, options.max_length);
    }

    [[nodiscard]] std::uint32_t rank_count() const { return rank_count_; }

    /// The cycles using only the `rank_limit` largest hops, up to `cap` of them.
    SearchEnd probe(std::uint32_t rank_limit, std::size_t cap, FoundCycles& out) {
        out.clear();
        for (const HopIndex h : self_loops_) {  // self-loops are ranked in descending order
            if (hop_rank_[h] >= rank_limit) break;
            if (out.size() >= cap) return SearchEnd::cap_reached;
            out.nodes.push_back(hops_.from[h]);
            out.hops.push_back(h);
            out.offset.push_back(static_cast<std::uint32_t>(out.nodes.size()));
            out.max_rank.push_back(hop_rank_[h]);
        }
        return search_->run(rank_limit, cap, deadline_, out);
    }

private:
    const HopGraph& hops_;
    detail::Deadline deadline_;
    std::vector<std::uint32_t> hop_rank_;
    std::vector<HopIndex> self_loops_;
    std::uint32_t rank_count_ = 0;
    detail::SearchGraph graph_;
    std::optional<detail::BoundedCycleSearch> search_;
};

/// Canonical cycles from found ones, sorted (SPEC 2), at most `limit` kept.
void finalize(const FoundCycles& found, const std::vector<bool>& keep,
              const std::vector<std::uint32_t>& id_rank, std::size_t limit, CycleResult& result) {
    const HopGraph& hops = result.hops;
    for (std::size_t c = 0; c < found.size(); ++c) {
        if (!keep.empty() && !keep[c]) continue;
        const std::uint32_t begin = found.offset[c];
        const std::uint32_t length = found.offset[c + 1] - begin;
        std::uint32_t smallest = 0;
        for (std::uint32_t i = 1; i < length; ++i) {
            if (id_rank[found.nodes[begin + i]] < id_rank[found.nodes[begin + smallest]]) {
                smallest = i;
            }
        }
        Cycle cycle;
        cycle.first = static_cast<std::uint32_t>(result.nodes.size());
        cycle.length = length;
        cycle.bottleneck = INFINITY;
        for (std::uint32_t i = 0; i < length; ++i) {
            const std::uint32_t at = begin + (smallest + i) % length;
            result.nodes.push_back(found.nodes[at]);
            result.hop_path.push_back(found.hops[at]);
            const Dollars amount = hops.amount[found.hops[at]];
            cycle.bottleneck = std::min(cycle.bottleneck, amount);
            cycle.volume += amount;
        }
        result.cycles.push_back(cycle);
    }
    const auto before = [&](const Cycle& a, const Cycle& b) {
        if (a.bottleneck != b.bottleneck) return a.bottleneck > b.bottleneck;
        if (a.length != b.length) return a.length < b.length;
        for (std::uint32_t i = 0; i < a.length; ++i) {
            const auto ra = id_rank[result.nodes[a.first + i]];
            const auto rb = id_rank[result.nodes[b.first + i]];
            if (ra != rb) return ra < rb;
        }
        return false;
    };
    if (result.cycles.size() > limit) {
        std::partial_sort(result.cycles.begin(), result.cycles.begin() + static_cast<std::ptrdiff_t>(limit),
                          result.cycles.end(), before);
        result.cycles.resize(limit);
    } else {
        std::sort(result.cycles.begin(), result.cycles.end(), before);
    }
}

}  // namespace

std::vector<bool> CycleResult::contracts_on_cycles(std::size_t contract_count) const {
    std::vector<bool> on(contract_count, false);
    for (const auto& cycle : cycles) {
        for (const HopIndex h : hops_of(cycle)) {
            for (const ContractIndex c : hops.hop_contracts(h)) on[c] = true;
        }
    }
    return on;
}

CycleResult find_cycles(const Network& network, const CycleOptions& options) {
    if (options.max_length == 0) throw std::invalid_argument("find_cycles: max_length must be >= 1");
    if (options.limit == 0) throw std::invalid_argument("find_cycles: limit must be >= 1");
    if (!(options.time_limit > 0)) {
        throw std::invalid_argument("find_cycles: time_limit must be positive");
    }
    const auto deadline =
        std::chrono::steady_clock::now() +
        std::chrono::duration_cast<std::chrono::steady_clock::duration>(
            std::chrono::duration<double>(std::min(options.time_limit, 1e9)));

    CycleResult result;
    result.hops = build_hop_graph(network);
    const auto id_rank = id_ranks(network);
    Prober prober(result.hops, strong_component_labels(network), id_rank, options, deadline);
    const std::size_t cap = options.limit + 1;  // one more than listed tells "more exist"

    FoundCycles upper;  // a probe that found more than `limit` cycles
    const SearchEnd end = prober.probe(prober.rank_count(), cap, upper);
    if (end != SearchEnd::cap_reached || !options.largest_first) {
        result.truncated = end != SearchEnd::complete;
        result.timed_out = end == SearchEnd::time_out;
        finalize(upper, {}, id_rank, options.limit, result);
        return result;
    }

    // More than `limit` cycles. Bisect on how many of the largest hops the graph keeps: `lower`
    // holds every cycle of the `lo` largest hops (at most `limit`), `upper` more than `limit`
    // cycles of the `hi` largest. At hi = lo + 1 every cycle of `upper` not in `lower` has
    // bottleneck amount(hop lo), no larger than any in `lower`, and every cycle not found has a
    // bottleneck no larger than that: the union holds `limit` largest bottlenecks.
    result.truncated = true;
    FoundCycles lower, probe;
    std::uint32_t lo = 0, hi = prober.rank_count();
    while (hi - lo > 1) {
        const std::uint32_t mid = lo + (hi - lo) / 2;
        const SearchEnd e = prober.probe(mid, cap, probe);
        if (e == SearchEnd::time_out) {
            result.timed_out = true;
            break;
        }
        if (e == SearchEnd::complete) {
            lo = mid;
            std::swap(lower, probe);
        } else {
            hi = mid;
            std::swap(upper, probe);
        }
    }
    finalize(lower, {}, id_rank, options.limit, result);
    std::vector<bool> keep(upper.size());
    for (std::size_t c = 0; c < upper.size(); ++c) keep[c] = upper.max_rank[c] >= lo;
    finalize(upper, keep, id_rank, options.limit, result);
    return result;
}

}  // namespace crashchain
