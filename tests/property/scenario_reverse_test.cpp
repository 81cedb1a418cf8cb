// Reverse stress with the real models on small generated networks: the exact set search
// equals an exhaustive search over every subset, and the bisection's answer brackets the
// target (reached at f, missed just below).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "contagion/stress.hpp"
#include "scenario/model_adapters.hpp"
#include "scenario/reverse_stress.hpp"
#include "scenario/shock_model.hpp"
#include "synth/generator.hpp"

namespace crashchain {
namespace {

Network small_network(std::size_t entities, std::uint64_t seed) {
    GeneratorOptions g;
    g.entities = entities;
    g.contracts = entities * 4;
    g.seed = seed;
    return generate_network(g);
}

struct Best {
    bool reached = false;
    std::vector<std::string> ids;
    double capital_lost = 0;
};

// Every subset; smallest size, then larger capital_lost (1e-9 relative), then smaller ids.
Best exhaustive(const Network& network, const StressFunction& model, const ReverseTarget& target) {
    const std::size_t n = network.entity_count();
    Best best;
    for (std::uint32_t mask = 0; mask < (1u << n); ++mask) {
        ShockVector shock(n, 0.0);
        std::vector<std::string> ids;
        for (std::size_t i = 0; i < n; ++i) {
            if (mask >> i & 1u) {
                shock[i] = 1.0;
                ids.push_back(network.id(static_cast<EntityIndex>(i)));
            }
        }
        const StressResult r = model(shock);
        if (!target.reached_by(r)) continue;
        std::sort(ids.begin(), ids.end());
        const double lost = *r.summary.capital_lost;
        const double tie = 1e-9 * std::max(std::fabs(lost), std::fabs(best.capital_lost));
        const bool better = !best.reached || ids.size() < best.ids.size() ||
                            (ids.size() == best.ids.size() &&
                             (lost > best.capital_lost + tie ||
                              (std::fabs(lost - best.capital_lost) <= tie && ids < best.ids)));
        if (better) best = {true, ids, lost};
    }
    return best;
}

TEST(ReverseProperty, ExactSetSearchEqualsExhaustiveSearch) {
    for (std::uint64_t seed = 1; seed <= 4; ++seed) {
        const Network network = small_network(8 + seed % 3, seed);
        std::vector<EntityIndex> all(network.entity_count());
        std::vector<std::string> ids;
        for (EntityIndex i = 0; i < network.entity_count(); ++i) {
            all[i] = i;
            ids.push_back(network.id(i));
        }
        for (const Model model : {Model::furfine, Model::debtrank, Model::linear_debtrank,
                                  Model::clearing}) {
            StressOptions options;
            options.model = model;
            const PreparedNetwork prepared = prepare(network, options);
            const SetSearchOptions search{25, model != Model::debtrank};
            std::vector<ReverseTarget> targets(4);
            targets[0].min_defaults = 2;
            targets[1].min_defaults = network.entity_count() / 2 + 1;
            targets[2].min_loss_share = 0.3;
            targets[3].min_loss_share = 0.7;
            for (const ReverseTarget& target : targets) {
                const ReverseResult r =
                    reverse_set(all, ids, summary_model(prepared), target, search);
                const Best b = exhaustive(network, summary_model(prepared), target);
                ASSERT_EQ(r.reached, b.reached) << to_string(model) << " seed " << seed;
                if (!b.reached) continue;
                std::vector<std::string> got;
                for (const EntityIndex e : r.set) got.push_back(network.id(e));
                EXPECT_EQ(got, b.ids) << to_string(model) << " seed " << seed;
            }
        }
    }
}

TEST(ReverseProperty, BisectionBracketsTheTargetAndModelsAreMonotoneInTheShock) {
    const Network network = small_network(60, 7);
    for (const Model model : {Model::furfine, Model::debtrank, Model::linear_debtrank,
                              Model::clearing}) {
        StressOptions options;
        options.model = model;
        const PreparedNetwork prepared = prepare(network, options);
        const UniformShock shock_at(network, model, {});
        const StressFunction run = summary_model(prepared);
        // Monotone in f on a grid: what bisection relies on.
        std::size_t previous_defaults = 0;
        double previous_loss = 0;
        for (int step = 0; step <= 50; ++step) {
            const StressResult r = run(shock_at(step / 50.0));
            EXPECT_GE(r.summary.defaults, previous_defaults) << to_string(model) << " " << step;
            EXPECT_GE(*r.summary.capital_lost_share, previous_loss - 1e-12) << to_string(model);
            previous_defaults = r.summary.defaults;
            previous_loss = *r.summary.capital_lost_share;
        }
        for (const std::size_t k : {std::size_t{1}, std::size_t{10}, std::size_t{30}}) {
            ReverseTarget target;
            target.min_defaults = k;
            const ReverseResult r = reverse_shock(shock_at, run, target);
            if (!r.reached) {
                EXPECT_LT(run(shock_at(1.0)).summary.defaults, k);
                continue;
            }
            EXPECT_TRUE(target.reached_by(run(shock_at(r.shock)))) << to_string(model);
            if (r.shock > 0) {
                EXPECT_FALSE(target.reached_by(run(shock_at(r.shock - 1.0001e-6))))
                    << to_string(model) << " K=" << k;
            }
        }
    }
}

}  // namespace
}  // namespace crashchain
