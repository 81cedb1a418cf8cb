#include "scenario/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace crashchain {

Interval wilson_interval(std::size_t successes, std::size_t trials, double z) {
    if (trials == 0) throw std::invalid_argument("wilson_interval: no trials");
    const double n = static_cast<double>(trials);
    const double p = static_cast<double>(successes) / n;
    const double z2 = z * z;
    const double denominator = 1.0 + z2 / n;
    const double centre = (p + z2 / (2.0 * n)) / denominator;
    const double half = z * std::sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n)) / denominator;
    // At p = 0 (p = 1) the lower (upper) end is exactly 0 (1); say so instead of rounding.
    return {successes == 0 ? 0.0 : std::max(0.0, centre - half),
            successes == trials ? 1.0 : std::min(1.0, centre + half)};
}

TailRisk tail_risk(const std::vector<double>& sorted_losses, unsigned per_mille) {
    if (sorted_losses.empty()) throw std::invalid_argument("tail_risk: empty sample");
    if (per_mille == 0 || per_mille >= 1000) throw std::invalid_argument("tail_risk: level");
    const std::size_t n = sorted_losses.size();
    // Integer arithmetic so that N * 0.95 is exact (5000 of 100000, not 5000.000000001).
    const std::size_t rank = (n * per_mille + 999) / 1000;  // ceil(a N), >= 1
    TailRisk risk;
    risk.var = sorted_losses[rank - 1];
    const std::size_t tail_scaled = n * (1000 - per_mille);  // 1000 w
    // floor(w) = n - rank worst scenarios count fully; the one at `rank` gets w's fractional part.
    const double fraction = static_cast<double>(tail_scaled % 1000) / 1000.0;
    double sum = fraction * sorted_losses[rank - 1];
    for (std::size_t j = rank; j < n; ++j) sum += sorted_losses[j];
    risk.es = sum / (static_cast<double>(tail_scaled) / 1000.0);
    return risk;
}

}  // namespace crashchain
