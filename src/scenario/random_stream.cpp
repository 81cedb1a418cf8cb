#include "scenario/random_stream.hpp"

#include <cmath>

namespace crashchain {
namespace {

// Layer i (0..127) spans x in [0, x[i]] and heights [y[i], y[i+1]], with y = exp(-x^2/2);
// x[0] = v / f(r) makes the base layer (rectangle plus tail beyond r = x[1]) the same area.
using Table = boost::random::detail::normal_table<double>;

}  // namespace

const std::array<double, 128> ScenarioStream::kScaledX = [] {
    std::array<double, 128> scaled{};
    for (std::size_t layer = 0; layer < scaled.size(); ++layer) {
        scaled[layer] = Table::table_x[layer] * 0x1.0p-53;
    }
    return scaled;
}();

ScenarioStream::ScenarioStream(std::uint64_t seed, std::uint64_t scenario)
    : generator_{SplitMix64{SplitMix64{seed}.next() + scenario}.next()} {}

ScenarioStream::Rare ScenarioStream::wedge_or_tail(std::uint64_t state, unsigned layer,
                                                   double x) {
    SplitMix64 generator{state};
    if (layer == 0) {
        // Marsaglia (1964): beyond r, x = r + a with a = -log(u1)/r accepted when
        // -2 log(u2) > a^2.
        const double r = Table::table_x[1];
        for (;;) {
            const double a = -std::log(generator.uniform()) / r;
            const double b = -std::log(generator.uniform());
            if (2 * b > a * a) return {r + a, generator.state};
        }
    }
    // Between the inner rectangle and the curve: accept under exp(-x^2/2).
    const double y = Table::table_y[layer] +
                     generator.uniform() * (Table::table_y[layer + 1] - Table::table_y[layer]);
    return {y < std::exp(-0.5 * x * x) ? x : -1.0, generator.state};
}

double normal_cdf(double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }

}  // namespace crashchain
