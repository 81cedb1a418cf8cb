#include "scenario/reverse_stress.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "synth/generator.hpp"

namespace crashchain {
namespace {

// A tiny threshold cascade written independently of the real models (Furfine's rule on a
// dense exposure matrix): monotone in the shock, which is all the searches assume.
struct ToyCascade {
    std::vector<double> capital;
    std::vector<std::vector<double>> exposure;  // exposure[i][j]: i loses this if j defaults

    StressResult operator()(const ShockVector& shock) const {
        const std::size_t n = capital.size();
        std::vector<bool> failed(n, false);
        for (std::size_t i = 0; i < n; ++i) failed[i] = shock[i] >= 1.0;
        std::vector<double> loss(n);
        for (bool changed = true; changed;) {
            changed = false;
            for (std::size_t i = 0; i < n; ++i) {
                loss[i] = shock[i] * capital[i];
                for (std::size_t j = 0; j < n; ++j) loss[i] += failed[j] ? exposure[i][j] : 0;
            }
            for (std::size_t i = 0; i < n; ++i) {
                if (!failed[i] && loss[i] > 0 && loss[i] >= capital[i]) failed[i] = changed = true;
            }
        }
        StressResult result;
        double lost = 0;
        double total = 0;
        for (std::size_t i = 0; i < n; ++i) {
            result.summary.defaults += failed[i];
            lost += std::min(loss[i], capital[i]);
            total += capital[i];
        }
        result.summary.capital_lost = lost;
        result.summary.capital_lost_share = lost / total;
        return result;
    }
};

ToyCascade random_cascade(std::size_t n, std::uint64_t seed, double density) {
    SplitMix64 rng{seed};
    ToyCascade toy;
    toy.exposure.assign(n, std::vector<double>(n, 0.0));
    for (std::size_t i = 0; i < n; ++i) {
        toy.capital.push_back(1.0 + 9.0 * rng.uniform());
        for (std::size_t j = 0; j < n; ++j) {
            if (i != j && rng.uniform() < density) toy.exposure[i][j] = 6.0 * rng.uniform();
        }
    }
    return toy;
}

std::vector<std::string> names(std::size_t n) {
    // Ids whose lexicographic order differs from index order: e9 < e10 is false as strings.
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < n; ++i) ids.push_back("e" + std::to_string((i * 7) % n));
    return ids;
}

struct Brute {
    bool reached = false;
    std::vector<EntityIndex> set;
    double capital_lost = 0;
};

// Every subset: the smallest size, then the larger loss, then the smaller id list.
Brute exhaustive(const ToyCascade& toy, const std::vector<std::string>& ids,
                 const ReverseTarget& target) {
    const std::size_t n = ids.size();
    Brute best;
    std::vector<std::string> best_ids;
    for (std::uint32_t mask = 0; mask < (1u << n); ++mask) {
        ShockVector shock(n, 0.0);
        std::vector<EntityIndex> set;
        for (std::size_t i = 0; i < n; ++i) {
            if (mask >> i & 1u) {
                shock[i] = 1.0;
                set.push_back(static_cast<EntityIndex>(i));
            }
        }
        const StressResult r = toy(shock);
        if (!target.reached_by(r)) continue;
        std::sort(set.begin(), set.end(), [&](auto a, auto b) { return ids[a] < ids[b]; });
        std::vector<std::string> set_ids;
        for (auto e : set) set_ids.push_back(ids[e]);
        const double lost = *r.summary.capital_lost;
        const bool better =
            !best.reached || set.size() < best.set.size() ||
            (set.size() == best.set.size() &&
             (lost > best.capital_lost + 1e-9 * lost ||
              (std::fabs(lost - best.capital_lost) <= 1e-9 * lost && set_ids < best_ids)));
        if (better) {
            best = {true, set, lost};
            best_ids = set_ids;
        }
    }
    return best;
}

TEST(ReverseSet, ExactEqualsExhaustiveSearch) {
    for (std::uint64_t seed = 1; seed <= 12; ++seed) {
        const std::size_t n = 6 + seed % 5;  // 6..10 entities
        const ToyCascade toy = random_cascade(n, seed, 0.35);
        const auto ids = names(n);
        std::vector<EntityIndex> all(n);
        for (std::size_t i = 0; i < n; ++i) all[i] = static_cast<EntityIndex>(i);
        for (const std::size_t k : {std::size_t{1}, std::size_t{3}, n - 1, n}) {
            ReverseTarget target;
            target.min_defaults = k;
            for (const bool monotone : {true, false}) {
                const ReverseResult r = reverse_set(all, ids, toy, target, {25, monotone});
                const Brute b = exhaustive(toy, ids, target);
                ASSERT_EQ(r.reached, b.reached) << seed << " K=" << k;
                EXPECT_EQ(r.method, ReverseMethod::exact);
                EXPECT_EQ(r.set, b.set) << "seed " << seed << " K=" << k << " monotone " << monotone;
                EXPECT_TRUE(target.reached_by(r.outcome));
            }
        }
        for (const double share : {0.2, 0.5, 0.9}) {
            ReverseTarget target;
            target.min_loss_share = share;
            const ReverseResult r = reverse_set(all, ids, toy, target, {});
            const Brute b = exhaustive(toy, ids, target);
            ASSERT_EQ(r.reached, b.reached);
            EXPECT_EQ(r.set, b.set) << "seed " << seed << " share " << share;
        }
    }
}

TEST(ReverseSet, CandidatesRestrictTheSearchAndUnreachableSaysSo) {
    const ToyCascade toy = random_cascade(6, 3, 0.0);  // no exposures: no contagion
    const auto ids = names(6);
    ReverseTarget target;
    target.min_defaults = 3;
    const ReverseResult r = reverse_set({0, 1}, ids, toy, target, {});
    EXPECT_FALSE(r.reached);
    EXPECT_EQ(r.outcome.summary.defaults, 2u);  // the outcome with every candidate defaulted
    target.min_defaults = 2;
    const ReverseResult ok = reverse_set({0, 1, 2}, ids, toy, target, {});
    ASSERT_TRUE(ok.reached);
    EXPECT_EQ(ok.set.size(), 2u);
    // Empty target set when nothing is needed: the empty shock already has 0 >= 0 defaults.
    target.min_defaults = 0;
    EXPECT_TRUE(reverse_set({0}, ids, toy, target, {}).set.empty());
}

TEST(ReverseSet, GreedyReachesTheTargetWithNoFewerEntitiesThanExact) {
    for (std::uint64_t seed = 1; seed <= 6; ++seed) {
        const ToyCascade toy = random_cascade(12, seed, 0.25);
        const auto ids = names(12);
        std::vector<EntityIndex> all(12);
        for (std::size_t i = 0; i < 12; ++i) all[i] = static_cast<EntityIndex>(i);
        ReverseTarget target;
        target.min_defaults = 7;
        const ReverseResult exact = reverse_set(all, ids, toy, target, {25, true});
        const ReverseResult greedy = reverse_set(all, ids, toy, target, {5, true});
        EXPECT_EQ(greedy.method, ReverseMethod::greedy);
        ASSERT_EQ(greedy.reached, exact.reached);
        if (!exact.reached) continue;
        EXPECT_TRUE(target.reached_by(greedy.outcome));
        EXPECT_GE(greedy.set.size(), exact.set.size());
        // Greedy is lazy: fewer runs than re-evaluating every candidate at every step.
        EXPECT_LT(greedy.evaluations, 12 * (greedy.set.size() + 1) + 1);
    }
}

// F_i = min(1, f lev_i) and i defaults when F_i >= t_i: f* for K defaults is the K-th smallest
// t_i / lev_i.
struct ThresholdModel {
    std::vector<double> threshold;
    StressResult operator()(const ShockVector& shock) const {
        StressResult r;
        double lost = 0;
        for (std::size_t i = 0; i < shock.size(); ++i) {
            r.summary.defaults += shock[i] >= threshold[i];
            lost += shock[i];
        }
        r.summary.capital_lost_share = lost / static_cast<double>(shock.size());
        return r;
    }
};

TEST(ReverseShock, BisectionFindsTheSmallestShockToTolerance) {
    const ThresholdModel model{{0.9, 0.5, 1.0, 0.3}};
    const std::vector<double> lev{3.0, 1.0, 2.0, 0.5};  // t/lev = 0.3, 0.5, 0.5, 0.6
    auto shock_at = [&](double f) {
        ShockVector s;
        for (const double l : lev) s.push_back(std::min(1.0, f * l));
        return s;
    };
    const double expected[] = {0.3, 0.5, 0.5, 0.6};
    for (std::size_t k = 1; k <= 4; ++k) {
        ReverseTarget target;
        target.min_defaults = k;
        const ReverseResult r = reverse_shock(shock_at, model, target);
        ASSERT_TRUE(r.reached);
        EXPECT_GE(r.shock, expected[k - 1] - 1e-15) << k;
        EXPECT_LE(r.shock, expected[k - 1] + 1e-6) << k;
        EXPECT_TRUE(target.reached_by(r.outcome));
        // Monotone bracket: just below the reported f the target is missed.
        EXPECT_FALSE(target.reached_by(model(shock_at(r.shock - 1.01e-6))));
        EXPECT_EQ(r.method, ReverseMethod::bisection);
    }
    ReverseTarget five;
    five.min_defaults = 5;
    const ReverseResult miss = reverse_shock(shock_at, model, five);
    EXPECT_FALSE(miss.reached);
    EXPECT_EQ(miss.shock, 1.0);
    EXPECT_EQ(miss.outcome.summary.defaults, 4u);
    EXPECT_EQ(miss.evaluations, 1u);
}

TEST(ReverseShock, LossShareTargetAndZeroShock) {
    const ThresholdModel model{{2.0, 2.0}};  // never defaults
    auto shock_at = [](double f) { return ShockVector{f, f / 2}; };
    ReverseTarget target;
    target.min_loss_share = 0.3;  // (f + f/2)/2 = 0.75 f >= 0.3 -> f = 0.4
    const ReverseResult r = reverse_shock(shock_at, model, target);
    ASSERT_TRUE(r.reached);
    EXPECT_NEAR(r.shock, 0.4, 1e-6);
    EXPECT_GE(r.shock, 0.4 - 1e-15);
    ReverseTarget none;
    none.min_defaults = 0;
    EXPECT_EQ(reverse_shock(shock_at, model, none).shock, 0.0);
}

}  // namespace
}  // namespace crashchain
