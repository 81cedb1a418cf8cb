#pragma once
// Estimators reported by Monte Carlo (SPEC 3.5): Wilson score intervals for default
// probabilities (Wilson 1927) and empirical VaR / expected shortfall of the loss distribution
// (the ES estimator of Acerbi & Tasche 2002). Definitions are spelled out in docs/scenarios.md.

#include <cstddef>
#include <vector>

namespace crashchain {

/// z for a two-sided 95% interval: Phi^{-1}(0.975).
inline constexpr double kZ95 = 1.959963984540054;

struct Interval {
    double low = 0;
    double high = 0;
};

/// Wilson score interval for `successes` out of `trials` (trials > 0):
/// (p + z^2/2n -+ z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n), clamped to [0, 1].
[[nodiscard]] Interval wilson_interval(std::size_t successes, std::size_t trials,
                                       double z = kZ95);

struct TailRisk {
    double var = 0;  ///< value at risk
    double es = 0;   ///< expected shortfall
};

/// VaR and ES at level a/1000 (e.g. 950, 990) of a sample sorted ascending (non-empty).
/// VaR = L_(ceil(a N / 1000)) (1-based order statistic: the smallest sample loss with at least
/// a share a of the scenarios at or below it). ES = the mean of the worst w = N (1 - a) scenarios,
/// the boundary one weighted by the fractional part of w, so ES >= VaR.
[[nodiscard]] TailRisk tail_risk(const std::vector<double>& sorted_losses, unsigned per_mille);

}  // namespace crashchain
