#pragma once
// Counter-based random numbers for Monte Carlo (SPEC 3.5). The draws of scenario k depend only
// on (seed, k), so any split of the scenarios over threads gives the same numbers.
// Uniforms: SplitMix64 (Steele, Lea & Flood 2014) started at a state hashed from (seed, k).
// Normals: the ziggurat method (Marsaglia & Tsang, "The ziggurat method for generating random
// variables", J. Statistical Software 5(8), 2000) on the 128-layer tables of Boost.Random 1.74
// (boost::random::detail::normal_table, equal-area layers), with Marsaglia's tail algorithm for
// the base layer. ~98.8% of draws cost one 64-bit word, a table read and a multiply; the rest
// take an exp or two logs. Written here rather than calling boost::random::normal_distribution,
// which branches on the sign (half of its draws mispredict: 3x slower on 1,000 normals);
// std::normal_distribution is not used because its output differs between standard libraries.

#include <array>
#include <bit>
#include <boost/random/normal_distribution.hpp>
#include <cstdint>

#include "synth/generator.hpp"

namespace crashchain {

/// The random stream of one Monte Carlo scenario.
class ScenarioStream {
public:
    /// State = mix(mix(seed + g) + k + g) with mix the SplitMix64 finaliser (a bijection), so
    /// distinct k give distinct, well-scrambled starting states.
    ScenarioStream(std::uint64_t seed, std::uint64_t scenario);
    /// Uniform in (0, 1), never 0 or 1.
    double uniform() { return generator_.uniform(); }
    /// Standard normal (ziggurat). Inline, and the rare path takes the generator state by
    /// value: Monte Carlo draws ~1,000 per scenario, and a state that goes through memory on
    /// every draw (an escaping `this`) costs a store-to-load round trip each time.
    double normal() {
        using Table = boost::random::detail::normal_table<double>;
        for (;;) {
            // One word: bits 0-6 pick the layer, bit 7 the sign, bits 11-63 the position.
            const std::uint64_t word = generator_.next();
            const auto layer = static_cast<unsigned>(word & 0x7F);
            double x = static_cast<double>(word >> 11) * kScaledX[layer];
            if (x >= Table::table_x[layer + 1]) [[unlikely]] {
                const Rare rare = wedge_or_tail(generator_.state, layer, x);
                generator_.state = rare.state;
                if (rare.value < 0) continue;
                x = rare.value;
            }
            // The sign by a bit flip, not a branch: a coin toss the CPU cannot predict.
            return std::bit_cast<double>(std::bit_cast<std::uint64_t>(x) ^ ((word & 0x80) << 56));
        }
    }

private:
    /// Table::table_x times 2^-53, so that a draw's x takes one multiply: (u 2^-53) x_l and
    /// u (x_l 2^-53) are the same number, as scaling by a power of two is exact.
    static const std::array<double, 128> kScaledX;

    struct Rare {
        double value;  ///< |normal|, or negative when the draw is rejected
        std::uint64_t state;
    };
    /// The draws outside a layer's inner rectangle (~1.2%): the wedge test, or the tail of
    /// the base layer.
    static Rare wedge_or_tail(std::uint64_t state, unsigned layer, double x);

    SplitMix64 generator_;
};

/// Phi(x) = erfc(-x / sqrt 2) / 2.
[[nodiscard]] double normal_cdf(double x);

}  // namespace crashchain
