#include "circularity/cycles.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <stdexcept>

#include "circularity/cycle_search.hpp"
#include "circularity/radix_sort.hpp"

namespace crashchain {
namespace {

using detail::FoundCycles;
using detail::SearchEnd;
using detail::SearchLimits;

constexpr std::uint64_t kFirstGallop = 256;  // hops kept by the first probe of the largest
constexpr std::uint64_t kMinRefineWork = 1u << 24;  // arcs: small graphs always refine fully

/// Hops ranked by amount, the search graph over them and its searcher.
class Prober {
public:
    Prober(const CircularityIndex& index, const CycleOptions& options) : hops_(index.hops) {
        std::vector<detail::KeyedIndex> ranked;
        for (HopIndex h = 0; h < hops_.hop_count(); ++h) {
            if (index.on_some_cycle(h)) ranked.emplace_back(detail::descending_key(hops_.amount[h]), h);
        }
        detail::radix_sort(ranked);
        // Equal amounts by ids, so ranks depend on the network and not on the input order.
        const auto& id_rank = index.id_rank;
        for (std::size_t i = 0; i < ranked.size();) {
            std::size_t j = i + 1;
            while (j < ranked.size() && ranked[j].first == ranked[i].first) ++j;
            if (j - i > 1) {
                std::sort(ranked.begin() + static_cast<std::ptrdiff_t>(i),
                          ranked.begin() + static_cast<std::ptrdiff_t>(j),
                          [&](const auto& a, const auto& b) {
                              const HopIndex x = a.second, y = b.second;
                              if (hops_.from[x] != hops_.from[y]) {
                                  return id_rank[hops_.from[x]] < id_rank[hops_.from[y]];
                              }
                              return id_rank[hops_.to[x]] < id_rank[hops_.to[y]];
                          });
            }
            i = j;
        }
        hop_rank_.assign(hops_.hop_count(), detail::kNoRank);
        for (std::uint32_t r = 0; r < ranked.size(); ++r) hop_rank_[ranked[r].second] = r;
        // Self-loops in hop order (sequential reads), then by rank: probes stop at the limit.
        for (HopIndex h = 0; h < hops_.hop_count(); ++h) {
            if (hops_.from[h] == hops_.to[h] && hop_rank_[h] != detail::kNoRank) {
                self_loops_.push_back(h);
            }
        }
        std::sort(self_loops_.begin(), self_loops_.end(),
                  [&](HopIndex a, HopIndex b) { return hop_rank_[a] < hop_rank_[b]; });
        rank_count_ = static_cast<std::uint32_t>(ranked.size());
        graph_ = detail::build_search_graph(hops_, index.components.label, id_rank, hop_rank_);
        search_.emplace(graph_, options.max_length);
    }

    [[nodiscard]] std::uint32_t rank_count() const { return rank_count_; }
    [[nodiscard]] std::uint64_t arc_count() const { return graph_.out_to.size(); }
    [[nodiscard]] std::uint64_t work() const { return search_->work(); }

    /// The cycles using only the `rank_limit` largest hops, within `limits`.
    SearchEnd probe(std::uint32_t rank_limit, const SearchLimits& limits, FoundCycles& out) {
        out.clear();
        for (const HopIndex h : self_loops_) {  // self-loops are ranked in descending order
            if (hop_rank_[h] >= rank_limit) break;
            if (out.size() >= limits.cap) return SearchEnd::cap_reached;
            out.nodes.push_back(hops_.from[h]);
            out.hops.push_back(h);
            out.offset.push_back(static_cast<std::uint32_t>(out.nodes.size()));
            out.max_rank.push_back(hop_rank_[h]);
        }
        return search_->run(rank_limit, limits, out);
    }

private:
    const HopGraph& hops_;
    std::vector<std::uint32_t> hop_rank_;
    std::vector<HopIndex> self_loops_;
    std::uint32_t rank_count_ = 0;
    detail::SearchGraph graph_;
    std::optional<detail::BoundedCycleSearch> search_;
};

/// A found cycle as a candidate for the listing: where it is and its canonical rotation.
struct Candidate {
    const FoundCycles* found;
    std::uint32_t index;
    std::uint32_t rotation;  ///< position of its smallest id
    std::uint32_t length;
    Dollars bottleneck;
};

void add_candidates(const FoundCycles& found, std::uint32_t min_rank, const HopGraph& hops,
                    const std::vector<std::uint32_t>& id_rank, std::vector<Candidate>& out) {
    for (std::uint32_t c = 0; c < found.size(); ++c) {
        if (found.max_rank[c] < min_rank) continue;
        const std::uint32_t begin = found.offset[c];
        const std::uint32_t length = found.offset[c + 1] - begin;
        Candidate candidate{&found, c, 0, length, INFINITY};
        for (std::uint32_t i = 0; i < length; ++i) {
            if (id_rank[found.nodes[begin + i]] < id_rank[found.nodes[begin + candidate.rotation]]) {
                candidate.rotation = i;
            }
            candidate.bottleneck = std::min(candidate.bottleneck, hops.amount[found.hops[begin + i]]);
        }
        out.push_back(candidate);
    }
}

/// Sorts the candidates (SPEC 2 order), drops repeats and writes the first `limit`.
void list(std::vector<Candidate>& candidates, std::size_t limit, const HopGraph& hops,
          const std::vector<std::uint32_t>& id_rank, CycleResult& result) {
    const auto node = [](const Candidate& c, std::uint32_t i) {
        return c.found->nodes[c.found->offset[c.index] + (c.rotation + i) % c.length];
    };
    const auto before = [&](const Candidate& a, const Candidate& b) {
        if (a.bottleneck != b.bottleneck) return a.bottleneck > b.bottleneck;
        if (a.length != b.length) return a.length < b.length;
        for (std::uint32_t i = 0; i < a.length; ++i) {
            const auto ra = id_rank[node(a, i)], rb = id_rank[node(b, i)];
            if (ra != rb) return ra < rb;
        }
        return false;
    };
    // Sorting brings a cycle found twice (by two probes) together: keep one.
    std::sort(candidates.begin(), candidates.end(), before);
    const auto same = [&](const Candidate& a, const Candidate& b) {
        return !before(a, b) && !before(b, a);
    };
    candidates.erase(std::unique(candidates.begin(), candidates.end(), same), candidates.end());
    const std::size_t keep = std::min(limit, candidates.size());
    for (std::size_t k = 0; k < keep; ++k) {
        const Candidate& c = candidates[k];
        Cycle cycle{static_cast<std::uint32_t>(result.nodes.size()), c.length, c.bottleneck, 0};
        const std::uint32_t begin = c.found->offset[c.index];
        for (std::uint32_t i = 0; i < c.length; ++i) {
            const std::uint32_t at = begin + (c.rotation + i) % c.length;
            const HopIndex h = c.found->hops[at];
            result.nodes.push_back(c.found->nodes[at]);
            result.hop_amount.push_back(hops.amount[h]);
            for (const ContractIndex contract : hops.hop_contracts(h)) {
                result.hop_contracts.push_back(contract);
            }
            result.hop_first.push_back(static_cast<std::uint32_t>(result.hop_contracts.size()));
            cycle.volume += hops.amount[h];
        }
        result.cycles.push_back(cycle);
    }
}

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
    std::vector<Candidate> candidates;
    if (end != SearchEnd::cap_reached || !options.largest_first) {
        result.truncated = end != SearchEnd::complete;
        result.timed_out = end == SearchEnd::time_out;
        add_candidates(upper, 0, index.hops, index.id_rank, candidates);
        list(candidates, options.limit, index.hops, index.id_rank, result);
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
    add_candidates(lower, 0, index.hops, index.id_rank, candidates);
    add_candidates(upper, lo, index.hops, index.id_rank, candidates);
    add_candidates(probe, lo, index.hops, index.id_rank, candidates);
    list(candidates, options.limit, index.hops, index.id_rank, result);
    return result;
}

}  // namespace crashchain
