// Reverse stress, shock search (SPEC 3.6): bisection on the uniform shock f.
#include <stdexcept>

#include "scenario/reverse_stress.hpp"

namespace crashchain {

bool ReverseTarget::reached_by(const StressResult& result) const {
    if (min_defaults) return result.summary.defaults >= *min_defaults;
    if (min_loss_share) return loss_share_of(result) >= *min_loss_share;
    throw std::logic_error("ReverseTarget: no target set");
}

std::string_view to_string(ReverseMethod method) {
    switch (method) {
        case ReverseMethod::bisection: return "bisection";
        case ReverseMethod::exact: return "exact";
        case ReverseMethod::greedy: return "greedy";
    }
    return "bisection";
}

double loss_share_of(const StressResult& result) {
    if (!result.summary.capital_lost_share) {
        throw std::logic_error("the model did not report capital_lost_share");
    }
    return *result.summary.capital_lost_share;
}

ReverseResult reverse_shock(const std::function<ShockVector(double)>& shock_at,
                            const StressFunction& model, const ReverseTarget& target,
                            double tolerance) {
    ReverseResult result;
    result.method = ReverseMethod::bisection;
    auto run = [&](double f) {
        ++result.evaluations;
        return model(shock_at(f));
    };
    StressResult at_hi = run(1.0);
    result.shock = 1.0;
    if (!target.reached_by(at_hi)) {
        result.outcome = std::move(at_hi);
        return result;
    }
    result.reached = true;
    StressResult at_zero = run(0.0);
    if (target.reached_by(at_zero)) {
        result.shock = 0.0;
        result.outcome = std::move(at_zero);
        return result;
    }
    double lo = 0.0;
    double hi = 1.0;
    while (hi - lo > tolerance) {
        const double mid = lo + (hi - lo) / 2;
        StressResult at_mid = run(mid);
        if (target.reached_by(at_mid)) {
            hi = mid;
            at_hi = std::move(at_mid);
        } else {
            lo = mid;
        }
    }
    result.shock = hi;
    result.outcome = std::move(at_hi);
    return result;
}

}  // namespace crashchain
