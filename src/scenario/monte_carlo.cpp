#include "scenario/monte_carlo.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <exception>
#include <mutex>
#include <numeric>
#include <stdexcept>
#include <thread>
#include <type_traits>
#include <unordered_map>

#include "scenario/random_stream.hpp"

namespace crashchain {
namespace {

// Scenarios claimed per step by a worker: small enough to balance, large enough that the
// atomic counter is not contended.
constexpr std::size_t kChunk = 64;

/// Two doubles in a GCC/Clang vector extension (SSE2 on x86-64).
using Pair = double __attribute__((vector_size(16)));

/// v > lo ? v : lo, then < hi ? that : hi (so NaN goes to lo), per lane. On SSE2 one maxpd
/// and one minpd, which compute exactly these selects; GCC makes four and/or/compare
/// instructions of the second otherwise.
template <class V>
V clamp_pair(V v, V lo, V hi) {
#if defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__))
    if constexpr (std::is_same_v<V, Pair>) {
        return __builtin_ia32_minpd(__builtin_ia32_maxpd(v, lo), hi);
    }
#endif
    const V above = v > lo ? v : lo;
    return above < hi ? above : hi;
}

std::uint64_t mix(std::uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

// A 128-bit fingerprint of a default set: the sums (mod 2^64) of two independent random keys
// per entity, so it costs one pass over the set, done while counting the defaults. Sets are
// counted by fingerprint (memory stays O(distinct sets), not O(scenarios x set size)); the top
// sets are recovered by re-running their first scenario, which also checks the fingerprint.
struct SetKey {
    std::uint64_t a = 0;
    std::uint64_t b = 0;
    bool operator==(const SetKey&) const = default;
};
struct SetKeyHash {
    std::size_t operator()(const SetKey& key) const { return static_cast<std::size_t>(key.a); }
};

/// Per-entity keys: SplitMix64 finalisations of the index, two salts.
struct EntityKeys {
    std::vector<std::uint64_t> a, b;
    explicit EntityKeys(std::size_t n) : a(n), b(n) {
        for (std::size_t e = 0; e < n; ++e) {
            a[e] = mix(e + 0x9E3779B97F4A7C15ULL);
            b[e] = mix(0xA4093822299F31D0ULL * (e + 1ULL) + 0x13198A2E03707344ULL);
        }
    }
};

/// The fingerprint of `set`; also adds one to `counts[e]` for every e in it when given.
SetKey fingerprint(const std::vector<EntityIndex>& set, const EntityKeys& keys,
                   std::vector<std::size_t>* counts = nullptr) {
    SetKey key{0x243F6A8885A308D3ULL ^ set.size(), 0x13198A2E03707344ULL ^ set.size()};
    for (const EntityIndex e : set) {
        key.a += keys.a[e];
        key.b += keys.b[e];
        if (counts != nullptr) ++(*counts)[e];
    }
    return key;
}

struct SetTally {
    std::size_t count = 0;
    std::uint64_t first = UINT64_MAX;  ///< lowest scenario number with this set
};

struct WorkerState {
    std::vector<std::size_t> default_counts;
    std::unordered_map<SetKey, SetTally, SetKeyHash> sets;
    std::size_t without_default = 0;
};

void run_one(std::uint64_t k, const std::vector<double>& scale, const MonteCarloOptions& options,
             const ScenarioModel& model, ShockVector& shock, ScenarioOutcome& outcome) {
    draw_shocks(options.seed, k, options.rho, scale, shock);
    outcome.defaults.clear();
    outcome.capital_lost_share = 0;
    model(shock, outcome);
}

}  // namespace

void draw_shocks(std::uint64_t seed, std::uint64_t scenario, double rho,
                 const std::vector<double>& scale, ShockVector& shock) {
    ScenarioStream stream(seed, scenario);
    // -s (shift + b z) as s (-shift - b z): negation is exact, so the same number, with the
    // negation done once here instead of once per entity.
    const double minus_shift = -(std::sqrt(rho) * stream.normal());
    const double b = std::sqrt(1.0 - rho);
    const std::size_t n = scale.size();
    shock.resize(n);
    // The idiosyncratic draws first, then each turned into its shock min(1, max(0, -s z)),
    // two at a time: compilers neither vectorise that max and min nor keep them free of
    // branches (a coin toss on the sign), while vector selects are both.
    double* out = shock.data();
    for (std::size_t i = 0; i < n; ++i) out[i] = stream.normal();
    const double* s = scale.data();
    const auto shock_of = [&](auto draw, auto scale_of) {
        using V = decltype(draw);
        const V v = scale_of * (minus_shift - b * draw);
        const V zero{};
        const V one = zero + 1.0;
        return clamp_pair(v, zero, one);
    };
    std::size_t i = 0;
    for (; i + 2 <= n; i += 2) {
        Pair draw, scale_of;
        std::memcpy(&draw, out + i, sizeof draw);
        std::memcpy(&scale_of, s + i, sizeof scale_of);
        const Pair value = shock_of(draw, scale_of);
        std::memcpy(out + i, &value, sizeof value);
    }
    for (; i < n; ++i) out[i] = shock_of(out[i], s[i]);
}

MonteCarloResult run_monte_carlo(const std::vector<double>& scale, const MonteCarloOptions& options,
                                 const ScenarioModelFactory& make_model,
                                 const ProgressCallback& progress) {
    if (options.scenarios == 0) throw std::invalid_argument("run_monte_carlo: no scenarios");
    if (!(options.rho >= 0.0 && options.rho <= 1.0)) {
        throw std::invalid_argument("run_monte_carlo: rho outside [0, 1]");
    }
    const std::size_t n = scale.size();
    const std::size_t total = options.scenarios;
    const std::size_t chunks = (total + kChunk - 1) / kChunk;
    const std::size_t workers =
        std::max<std::size_t>(1, std::min<std::size_t>(options.threads, chunks));

    MonteCarloResult result;
    result.scenarios = total;
    result.seed = options.seed;
    result.rho = options.rho;
    result.losses.assign(total, 0.0);

    const EntityKeys keys(n);
    std::vector<WorkerState> states(workers);
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> done{0};
    std::atomic<bool> failed{false};
    std::exception_ptr failure;
    std::mutex failure_mutex;

    auto work = [&](std::size_t w) {
        WorkerState& state = states[w];
        state.default_counts.assign(n, 0);
        ShockVector shock;
        ScenarioOutcome outcome;
        try {
            const ScenarioModel model = make_model();
            for (;;) {
                const std::size_t start = next.fetch_add(kChunk);
                if (start >= total || failed.load()) break;
                const std::size_t stop = std::min(total, start + kChunk);
                for (std::size_t k = start; k < stop; ++k) {
                    run_one(k, scale, options, model, shock, outcome);
                    result.losses[k] = outcome.capital_lost_share;
                    if (outcome.defaults.empty()) {
                        ++state.without_default;
                        continue;
                    }
                    SetTally& tally =
                        state.sets[fingerprint(outcome.defaults, keys, &state.default_counts)];
                    ++tally.count;
                    tally.first = std::min<std::uint64_t>(tally.first, k);
                }
                const std::size_t so_far = done.fetch_add(stop - start) + (stop - start);
                if (w == 0 && progress) progress(so_far, total);
            }
        } catch (...) {
            std::lock_guard lock(failure_mutex);
            if (!failure) failure = std::current_exception();
            failed.store(true);
        }
    };

    std::vector<std::thread> threads;
    threads.reserve(workers - 1);
    for (std::size_t w = 1; w < workers; ++w) threads.emplace_back(work, w);
    work(0);
    for (auto& t : threads) t.join();
    if (failure) std::rethrow_exception(failure);
    if (progress) progress(total, total);

    // Reductions: integer sums and min, so the order of the workers does not matter.
    std::vector<std::size_t> counts(n, 0);
    std::unordered_map<SetKey, SetTally, SetKeyHash> sets;
    for (const auto& state : states) {
        for (std::size_t i = 0; i < n; ++i) counts[i] += state.default_counts[i];
        result.scenarios_without_default += state.without_default;
        for (const auto& [key, tally] : state.sets) {
            SetTally& merged = sets[key];
            merged.count += tally.count;
            merged.first = std::min(merged.first, tally.first);
        }
    }

    result.entities.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        EntityDefaultRate rate;
        rate.entity = static_cast<EntityIndex>(i);
        rate.defaults = counts[i];
        rate.pd = static_cast<double>(counts[i]) / static_cast<double>(total);
        rate.interval = wilson_interval(counts[i], total);
        result.entities.push_back(rate);
    }

    double sum = 0;
    for (const double loss : result.losses) sum += loss;  // scenario order: thread-independent
    result.loss.mean = sum / static_cast<double>(total);
    std::vector<double> sorted = result.losses;
    std::sort(sorted.begin(), sorted.end());
    result.loss.level95 = tail_risk(sorted, 950);
    result.loss.level99 = tail_risk(sorted, 990);

    std::vector<std::pair<SetKey, SetTally>> ranked(sets.begin(), sets.end());
    std::sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) {
        if (x.second.count != y.second.count) return x.second.count > y.second.count;
        return x.second.first < y.second.first;
    });
    if (ranked.size() > options.top_sets) ranked.resize(options.top_sets);
    ShockVector shock;
    ScenarioOutcome outcome;
    const ScenarioModel model = ranked.empty() ? ScenarioModel{} : make_model();
    for (const auto& [key, tally] : ranked) {
        run_one(tally.first, scale, options, model, shock, outcome);
        if (!(fingerprint(outcome.defaults, keys) == key)) {
            throw std::logic_error("run_monte_carlo: the model is not deterministic");
        }
        result.top_default_sets.push_back(
            {outcome.defaults, tally.count,
             static_cast<double>(tally.count) / static_cast<double>(total)});
    }
    return result;
}

}  // namespace crashchain
