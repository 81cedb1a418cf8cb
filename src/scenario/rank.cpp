#include "scenario/rank.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

namespace crashchain {
namespace {

/// Fills entries[s] for every s taken from `next`, and counts who defaulted in each run.
void rank_worker(const PreparedNetwork& prepared, std::atomic<std::size_t>& next,
                 std::vector<RankEntry>& entries, std::vector<std::uint32_t>& vulnerability) {
    constexpr std::size_t kChunk = 16;
    const std::size_t n = prepared.entity_count;
    const bool clearing = prepared.options.model == Model::clearing;
    const auto& baseline_default = prepared.clearing.baseline.defaulted;
    const double denominator =
        clearing ? prepared.clearing.baseline.total_equity : prepared.cascade.total_capital;
    StressRunner runner(prepared);
    for (std::size_t begin = next.fetch_add(kChunk); begin < n; begin = next.fetch_add(kChunk)) {
        const std::size_t end = std::min(n, begin + kChunk);
        for (std::size_t s = begin; s < end; ++s) {
            const auto entity = static_cast<EntityIndex>(s);
            const Shock shock{entity, 1.0};
            const StressDigest& digest = runner.run({&shock, 1});
            RankEntry& entry = entries[s];
            entry.entity = entity;
            for (EntityIndex d : digest.defaulted) {
                if (d == entity || (clearing && baseline_default[d] != 0)) continue;
                ++entry.defaults_caused;
                ++vulnerability[d];
            }
            Dollars own = 0;
            const auto it = std::lower_bound(
                digest.losses.begin(), digest.losses.end(), entity,
                [](const auto& loss, EntityIndex e) { return loss.first < e; });
            if (it != digest.losses.end() && it->first == entity) own = it->second;
            entry.capital_lost = digest.capital_lost;
            entry.capital_lost_share = digest.capital_lost_share;
            entry.impact = denominator > 0 ? (digest.capital_lost - own) / denominator : 0.0;
            entry.debtrank = digest.debtrank;
            entry.shortfall = digest.shortfall;
        }
    }
}

}  // namespace

RankResult rank_entities(const Network& network, const PreparedNetwork& prepared,
                         const RankOptions& options) {
    const std::size_t n = prepared.entity_count;
    RankResult result;
    result.model = prepared.options.model;
    result.entity_count = n;
    std::size_t threads = options.threads != 0 ? options.threads
                                               : std::max(1u, std::thread::hardware_concurrency());
    threads = std::max<std::size_t>(1, std::min(threads, n));
    std::vector<RankEntry> entries(n);
    std::vector<std::vector<std::uint32_t>> vulnerability(threads,
                                                          std::vector<std::uint32_t>(n, 0));
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
    std::mutex failure_mutex;
    auto work = [&](std::size_t t) {
        try {
            rank_worker(prepared, next, entries, vulnerability[t]);
        } catch (...) {
            const std::lock_guard lock(failure_mutex);
            if (!failure) failure = std::current_exception();
            next.store(n);
        }
    };
    if (n > 0) {
        std::vector<std::thread> pool;
        for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work, t);
        work(0);
        for (auto& thread : pool) thread.join();
    }
    if (failure) std::rethrow_exception(failure);
    // Integer sums: the same whatever thread ran which entity.
    for (std::size_t i = 0; i < n; ++i) {
        for (const auto& counts : vulnerability) entries[i].vulnerability += counts[i];
    }
    std::sort(entries.begin(), entries.end(), [&](const RankEntry& a, const RankEntry& b) {
        if (a.impact != b.impact) return a.impact > b.impact;
        if (a.defaults_caused != b.defaults_caused) return a.defaults_caused > b.defaults_caused;
        return network.id(a.entity) < network.id(b.entity);
    });
    if (options.top != 0 && entries.size() > options.top) entries.resize(options.top);
    result.entries = std::move(entries);
    return result;
}

}  // namespace crashchain
