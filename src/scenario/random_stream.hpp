#pragma once
// Counter-based random numbers for Monte Carlo (SPEC 3.5). The draws of scenario k depend only
// on (seed, k), so any split of the scenarios over threads gives the same numbers.
// Uniforms: SplitMix64 (Steele, Lea & Flood 2014) started at a state hashed from (seed, k).
// Normals: inversion with Wichura's AS241 (Applied Statistics 37, 1988), accurate to ~1e-16,
// which uses only + * / in the centre and log/sqrt in the tails; std::normal_distribution is
// not used because its output differs between standard libraries.

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
    /// Standard normal by inversion of one uniform.
    double normal();

private:
    SplitMix64 generator_;
};

/// Phi^{-1}(p) for p in (0, 1) (AS241 PPND16); -inf/+inf at 0/1.
[[nodiscard]] double normal_quantile(double p);
/// Phi(x) = erfc(-x / sqrt 2) / 2.
[[nodiscard]] double normal_cdf(double x);

}  // namespace crashchain
