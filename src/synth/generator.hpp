#pragma once
// Seeded synthetic networks for benchmarks and property tests: heavy-tailed degrees, mixed
// contract kinds, lognormal amounts, and capital set so that a hub's default cascades to some
// entities but not all. Same options => same network, on every machine (own RNG, no <random>
// distributions, whose output differs between standard libraries).

#include <cstdint>

#include "model/network.hpp"

namespace crashchain {

struct GeneratorOptions {
    std::size_t entities = 1000;
    std::size_t contracts = 10000;
    std::uint64_t seed = 1;
    double tail_exponent = 1.5;     ///< Pareto exponent of the degree weights (smaller = heavier)
    double amount_median = 1e8;     ///< median contract amount, dollars
    double amount_sigma = 1.5;      ///< lognormal sigma of amounts
    double min_capital_ratio = 0.05;  ///< capital / exposures, drawn uniformly in [min, max]
    double max_capital_ratio = 0.6;
    bool self_loops = false;        ///< allow A -> A contracts
    bool with_attributes = true;    ///< type, capital, assets, liabilities, hardware
};

[[nodiscard]] Network generate_network(const GeneratorOptions& options);

/// splitmix64: a tiny, well-mixed, portable stream; also used to derive per-item seeds.
struct SplitMix64 {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    /// Uniform in (0, 1): never 0, so logs are safe.
    double uniform() { return (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53; }
};

}  // namespace crashchain
