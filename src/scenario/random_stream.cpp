#include "scenario/random_stream.hpp"

#include <cmath>
#include <limits>

namespace crashchain {

ScenarioStream::ScenarioStream(std::uint64_t seed, std::uint64_t scenario)
    : generator_{SplitMix64{SplitMix64{seed}.next() + scenario}.next()} {}

double ScenarioStream::normal() { return normal_quantile(uniform()); }

namespace {

// Horner evaluation of c[0] + c[1] r + ... + c[7] r^7.
double poly(const double (&c)[8], double r) {
    double value = c[7];
    for (int i = 6; i >= 0; --i) value = value * r + c[i];
    return value;
}

// AS241 coefficients (Wichura 1988, PPND16). Numerators a, c, e; denominators b, d, f (b[0] = 1).
constexpr double kA[8] = {3.3871328727963666080e+00, 1.3314166789178437745e+02,
                          1.9715909503065514427e+03, 1.3731693765509461125e+04,
                          4.5921953931549871457e+04, 6.7265770927008700853e+04,
                          3.3430575583588128105e+04, 2.5090809287301226727e+03};
constexpr double kB[8] = {1.0,
                          4.2313330701600911252e+01, 6.8718700749205790830e+02,
                          5.3941960214247511077e+03, 2.1213794301586595867e+04,
                          3.9307895800092710610e+04, 2.8729085735721942674e+04,
                          5.2264952788528545610e+03};
constexpr double kC[8] = {1.42343711074968357734e+00, 4.63033784615654529590e+00,
                          5.76949722146069140550e+00, 3.64784832476320460504e+00,
                          1.27045825245236838258e+00, 2.41780725177450611770e-01,
                          2.27238449892691845833e-02, 7.74545014278341407640e-04};
constexpr double kD[8] = {1.0,
                          2.05319162663775882187e+00, 1.67638483018380384940e+00,
                          6.89767334985100004550e-01, 1.48103976427480074590e-01,
                          1.51986665636164571966e-02, 5.47593808499534494600e-04,
                          1.05075007164441684324e-09};
constexpr double kE[8] = {6.65790464350110377720e+00, 5.46378491116411436990e+00,
                          1.78482653991729133580e+00, 2.96560571828504891230e-01,
                          2.65321895265761230930e-02, 1.24266094738807843860e-03,
                          2.71155556874348757815e-05, 2.01033439929228813265e-07};
constexpr double kF[8] = {1.0,
                          5.99832206555887937690e-01, 1.36929880922735805310e-01,
                          1.48753612908506148525e-02, 7.86869131145613259100e-04,
                          1.84631831751005468180e-05, 1.42151175831644588870e-07,
                          2.04426310338993978564e-15};

}  // namespace

double normal_quantile(double p) {
    const double q = p - 0.5;
    if (std::fabs(q) <= 0.425) {
        const double r = 0.180625 - q * q;
        return q * poly(kA, r) / poly(kB, r);
    }
    double r = q < 0 ? p : 1.0 - p;
    if (r <= 0) {
        return q < 0 ? -std::numeric_limits<double>::infinity()
                     : std::numeric_limits<double>::infinity();
    }
    r = std::sqrt(-std::log(r));
    double value;
    if (r <= 5.0) {
        r -= 1.6;
        value = poly(kC, r) / poly(kD, r);
    } else {
        r -= 5.0;
        value = poly(kE, r) / poly(kF, r);
    }
    return q < 0 ? -value : value;
}

double normal_cdf(double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }

}  // namespace crashchain
