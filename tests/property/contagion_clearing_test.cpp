// Clearing (SPEC 3.3) on generated networks: invariants that do not repeat the algorithm
// (residual of the fixed-point equation, bounds, money conservation, monotonicity), and a
// cross-check against plain Picard iteration on small networks.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "contagion/stress.hpp"
#include "property/contagion_reference.hpp"
#include "synth/generator.hpp"
#include "unit/contagion/builder.hpp"

namespace crashchain {
namespace {

struct Variant {
    double alpha, beta;
    ExternalSeniority external;
};
constexpr Variant kVariants[] = {
    {1, 1, ExternalSeniority::pari_passu},
    {0.7, 0.9, ExternalSeniority::pari_passu},
    {1, 1, ExternalSeniority::senior},
    {0.6, 0.5, ExternalSeniority::senior},
};

StressOptions options(const Variant& v) {
    StressOptions o;
    o.model = Model::clearing;
    o.alpha = v.alpha;
    o.beta = v.beta;
    o.external = v.external;
    return o;
}

Network generated(std::size_t entities, std::size_t contracts, std::uint64_t seed) {
    GeneratorOptions g;
    g.entities = entities;
    g.contracts = contracts;
    g.seed = seed;
    return generate_network(g);
}

/// A few entities shocked by random fractions (seeded).
ShockVector random_shock(std::size_t n, std::uint64_t seed, double scale = 1.0) {
    SplitMix64 rng{seed * 7919 + 1};
    ShockVector s(n, 0);
    for (std::size_t k = 0; k < std::max<std::size_t>(1, n / 8); ++k) {
        s[rng.next() % n] = std::min(1.0, scale * rng.uniform());
    }
    return s;
}

reference::ClearingCase reference_case(const Network& net, const ShockVector& shock,
                                       const Variant& v) {
    reference::ClearingCase c;
    c.l = reference::obligations(net);
    for (EntityIndex i = 0; i < net.entity_count(); ++i) {
        c.e.push_back(*net.entity(i).assets * (1 - shock[i]));
        c.liabilities.push_back(*net.entity(i).liabilities);
    }
    c.alpha = v.alpha;
    c.beta = v.beta;
    c.senior = v.external == ExternalSeniority::senior;
    return c;
}

/// Checks that hold for any clearing vector, from the reported fields and the network only.
void check_invariants(const Network& net, const ShockVector& shock, const Variant& v,
                      const StressResult& r) {
    const auto l = reference::obligations(net);
    const std::size_t n = net.entity_count();
    ASSERT_LT(*r.summary.residual, 1e-9);
    std::vector<double> owed(n, 0), network_paid(n), external_paid(n);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j) owed[i] += l[i][j];
    }
    double shortfall = 0, external_loss = 0, network_shortfall = 0, total = 0;
    for (const auto& e : r.entities) total += *e.obligations;
    const double tolerance = 1e-12 * std::max(1.0, total);  // sums of billions round
    for (std::size_t i = 0; i < n; ++i) {
        const auto& e = r.entities[i];
        const double pbar = *e.obligations;
        const double p = *e.payment;
        const double liab = *net.entity(static_cast<EntityIndex>(i)).liabilities;
        EXPECT_NEAR(pbar, owed[i] + liab, 1e-9 * pbar);
        EXPECT_GE(p, -1e-9 * pbar);
        EXPECT_LE(p, pbar * (1 + 1e-12));
        EXPECT_GE(*e.recovery, -1e-12);
        EXPECT_LE(*e.recovery, 1 + 1e-12);
        EXPECT_GE(*e.equity, 0);
        if (e.defaulted) {
            EXPECT_EQ(*e.equity, 0);
        }
        EXPECT_EQ(e.defaulted, e.round.has_value());
        if (!e.defaulted) {
            external_paid[i] = liab;
        } else if (v.external == ExternalSeniority::senior) {
            external_paid[i] = std::min(liab, p);
        } else {
            external_paid[i] = pbar > 0 ? p * liab / pbar : 0;
        }
        network_paid[i] = p - external_paid[i];
        EXPECT_LE(network_paid[i], owed[i] * (1 + 1e-12) + 1e-9);
        shortfall += pbar - p;
        external_loss += liab - external_paid[i];
        network_shortfall += owed[i] - network_paid[i];
    }
    // Money is conserved: what the network pays out is what the network receives, and the
    // shortfall splits into what external creditors and network creditors lose.
    double paid = 0, received = 0;
    for (std::size_t i = 0; i < n; ++i) {
        paid += network_paid[i];
        double in = 0;
        for (std::size_t j = 0; j < n; ++j) {
            if (l[j][i] > 0) in += l[j][i] / owed[j] * network_paid[j];
        }
        received += in;
        const auto& e = r.entities[i];
        const double assets = *net.entity(static_cast<EntityIndex>(i)).assets * (1 - shock[i]);
        if (!e.defaulted) {
            // A solvent entity pays in full out of assets plus receipts.
            EXPECT_NEAR(*e.payment, *e.obligations, 1e-12 * *e.obligations);
            EXPECT_NEAR(*e.equity, assets + in - *e.obligations,
                        1e-9 * std::max(1.0, assets + in));
        } else {
            EXPECT_LT(assets + in, *e.obligations * (1 + 1e-9));
        }
    }
    EXPECT_NEAR(paid, received, tolerance);
    EXPECT_NEAR(*r.summary.shortfall, shortfall, tolerance);
    EXPECT_NEAR(*r.summary.external_loss, external_loss, tolerance);
    EXPECT_NEAR(shortfall, external_loss + network_shortfall, tolerance);
}

TEST(ClearingProperty, InvariantsAndPicardCrossCheckOnSmallNetworks) {
    int non_unique = 0;
    for (std::uint64_t seed = 1; seed <= 12; ++seed) {
        const Network net = generated(25, 120, seed);
        const ShockVector shock = random_shock(net.entity_count(), seed);
        for (const auto& v : kVariants) {
            SCOPED_TRACE("seed " + std::to_string(seed) + " alpha " + std::to_string(v.alpha) +
                         " " + std::string(to_string(v.external)));
            const StressResult r = run_stress(net, shock, options(v));
            check_invariants(net, shock, v, r);
            const auto c = reference_case(net, shock, v);
            const auto greatest = reference::picard(c, true, 20000);
            const auto least = reference::picard(c, false, 20000);
            double gap = 0;
            for (std::size_t i = 0; i < greatest.size(); ++i) {
                const double pbar = *r.entities[i].obligations;
                EXPECT_NEAR(*r.entities[i].payment, greatest[i], 1e-7 * std::max(1.0, pbar));
                gap = std::max(gap, std::fabs(greatest[i] - least[i]) / std::max(1.0, pbar));
            }
            // Picard from both ends agrees with `unique` whenever the answer is clear-cut.
            if (gap < 1e-11) {
                EXPECT_EQ(r.summary.unique, true);
            }
            if (gap > 1e-6) {
                EXPECT_EQ(r.summary.unique, false);
                ++non_unique;
            }
        }
    }
    RecordProperty("non_unique_cases", non_unique);
}

TEST(ClearingProperty, UniqueAgreesWithPicardFromBothEndsWhenZeroEquityRingsCanClose) {
    // Eisenberg-Noe networks in which about half the entities have no assets and no external
    // debt, so rings of them can be closed (money only circulating: not unique) or leak
    // (unique). `unique` (proved by the equal-equity argument, or by the least vector when
    // that fails) must agree with plain Picard iteration from full and from zero payments.
    // Amounts are at least 1 and at most 10 and n <= 11, so every leaky ring leaks at least
    // ~1/100 per round and Picard settles far within its 20,000 iterations.
    int unique = 0;
    int not_unique = 0;
    for (std::uint64_t seed = 1; seed <= 100; ++seed) {
        SplitMix64 rng{seed * 104729};
        const std::size_t n = 4 + seed % 8;
        test::Builder b;
        std::vector<std::size_t> bare;
        for (std::size_t i = 0; i < n; ++i) {
            const bool is_bare = rng.uniform() < 0.5;
            if (is_bare) bare.push_back(i);
            const double assets = is_bare ? 0.0 : std::floor(20 * rng.uniform());
            const double external = is_bare ? 0.0 : 1 + std::floor(9 * rng.uniform());
            b.sheet("E" + std::to_string(i), assets, external);
        }
        for (std::size_t k = 0; k < n + n / 2; ++k) {
            const std::size_t debtor = rng.next() % n;
            std::size_t creditor = (debtor + 1 + rng.next() % (n - 1)) % n;
            // Bare entities mostly owe each other, so that closed rings form.
            const bool debtor_bare = std::find(bare.begin(), bare.end(), debtor) != bare.end();
            if (debtor_bare && bare.size() >= 2 && rng.uniform() < 0.95) {
                do {
                    creditor = bare[rng.next() % bare.size()];
                } while (creditor == debtor);
            }
            b.owes("E" + std::to_string(debtor), "E" + std::to_string(creditor),
                   1 + std::floor(10 * rng.uniform()));
        }
        const Network& net = b.network();
        const ShockVector shock = seed % 3 == 0 ? random_shock(n, seed) : ShockVector(n, 0);
        const Variant en{1, 1, ExternalSeniority::pari_passu};
        SCOPED_TRACE("seed " + std::to_string(seed));
        const StressResult r = run_stress(net, shock, options(en));
        const auto c = reference_case(net, shock, en);
        const auto greatest = reference::picard(c, true, 20000);
        const auto least = reference::picard(c, false, 20000);
        double gap = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const double pbar = *r.entities[i].obligations;
            gap = std::max(gap, std::fabs(greatest[i] - least[i]) / std::max(1.0, pbar));
        }
        ASSERT_TRUE(gap < 1e-11 || gap > 1e-6) << "Picard did not settle: gap " << gap;
        EXPECT_EQ(r.summary.unique, gap < 1e-11);
        (gap < 1e-11 ? unique : not_unique) += 1;
    }
    // Both answers occur, so neither path of the proof goes untested.
    EXPECT_GT(unique, 5);
    EXPECT_GT(not_unique, 5);
}

TEST(ClearingProperty, PaymentsNeverRiseAsTheShockGrows) {
    for (std::uint64_t seed = 1; seed <= 6; ++seed) {
        const Network net = generated(60, 400, seed + 100);
        for (const auto& v : kVariants) {
            const PreparedNetwork prepared = prepare(net, options(v));
            std::vector<double> previous;
            std::vector<bool> previously_defaulted(net.entity_count(), false);
            for (double scale : {0.0, 0.2, 0.4, 0.7, 1.0}) {
                ShockVector shock(net.entity_count(), 0);
                const ShockVector base = random_shock(net.entity_count(), seed, 1.0);
                for (std::size_t i = 0; i < shock.size(); ++i) shock[i] = base[i] * scale;
                const StressResult r = run_stress(prepared, shock);
                for (std::size_t i = 0; i < r.entities.size(); ++i) {
                    const double p = *r.entities[i].payment;
                    if (!previous.empty()) {
                        EXPECT_LE(p, previous[i] + 1e-9 * *r.entities[i].obligations);
                        if (previously_defaulted[i]) {
                            EXPECT_TRUE(r.entities[i].defaulted);
                        }
                    }
                    previously_defaulted[i] = r.entities[i].defaulted;
                }
                previous.clear();
                for (const auto& e : r.entities) previous.push_back(*e.payment);
            }
        }
    }
}

TEST(ClearingProperty, LargeSystemicShockSolvesExactly) {
    // Every entity loses 40% of its assets: large defaulting sets and strongly connected
    // components beyond the dense-LU size exercise the Gauss-Seidel path.
    const Network net = generated(3000, 24000, 7);
    for (const auto& v : kVariants) {
        const ShockVector shock(net.entity_count(), 0.4);
        const StressResult r = run_stress(net, shock, options(v));
        EXPECT_GT(r.summary.defaults, 100u);
        EXPECT_LT(*r.summary.residual, 1e-9);
    }
}

TEST(ClearingProperty, WeakLeakageWithoutExternalDebt) {
    // No external liabilities: obligations circulate inside the network, the systems are
    // close to singular, and the least and greatest vectors may differ.
    Network net = generated(300, 2200, 9);
    for (EntityIndex i = 0; i < net.entity_count(); ++i) {
        net.entity(i).liabilities = 0.0;
        net.entity(i).assets = *net.entity(i).assets * 0.05;
    }
    for (const auto& v : kVariants) {
        const ShockVector shock = random_shock(net.entity_count(), 3);
        const StressResult r = run_stress(net, shock, options(v));
        check_invariants(net, shock, v, r);
    }
}

}  // namespace
}  // namespace crashchain
