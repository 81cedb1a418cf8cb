#pragma once
// Small seeded random multigraphs for the flow property tests (circulation, round trip): up to
// `max_entities` entities v0.. and `max_contracts` contracts between random ends, so parallel
// contracts and self-loops are common. Even seeds draw small integer amounts 1..9 (ties, exact
// arithmetic), odd seeds lognormal-like amounts 2e4..6e7 (rounding in every sum); with
// `mixed_magnitudes` every amount is 10^x, x uniform in [0, 9]: $1 beside $1bn.

#include <cmath>
#include <cstdint>
#include <string>

#include "model/network.hpp"
#include "synth/generator.hpp"

namespace crashchain::testing {

inline Network random_flow_network(std::uint64_t seed, std::size_t max_entities = 8,
                                   std::size_t max_contracts = 24, bool mixed_magnitudes = false) {
    SplitMix64 rng{seed};
    Network net;
    const std::size_t n = 1 + rng.next() % max_entities;
    for (std::size_t i = 0; i < n; ++i) net.find_or_add("v" + std::to_string(i));
    const std::size_t m = rng.next() % max_contracts;
    for (std::size_t k = 0; k < m; ++k) {
        Contract c;
        c.from = static_cast<EntityIndex>(rng.next() % n);
        c.to = static_cast<EntityIndex>(rng.next() % n);
        c.amount = mixed_magnitudes ? std::pow(10.0, 9 * rng.uniform())
                   : seed % 2 == 0  ? static_cast<double>(1 + rng.next() % 9)
                                    : std::exp(10 + 8 * rng.uniform());  // 2e4 .. 6e7
        net.add_contract(c);
    }
    return net;
}

}  // namespace crashchain::testing
