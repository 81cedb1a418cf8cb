// Property tests of find_cycles against a brute-force enumeration that shares no code with it:
// every simple path from each entity s through entities with larger ids, closed back to s.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "circularity/cycles.hpp"
#include "synth/generator.hpp"

namespace crashchain {
namespace {

struct BruteCycle {
    std::vector<std::string> ids;  // starts at the smallest id
    Dollars bottleneck;
    Dollars volume;
};

/// Hop amounts straight from the contracts (summed in contract order).
std::map<std::pair<EntityIndex, EntityIndex>, Dollars> hop_amounts(const Network& net) {
    std::map<std::pair<EntityIndex, EntityIndex>, Dollars> hops;
    for (const auto& c : net.contracts()) hops[{c.from, c.to}] += c.amount;
    return hops;
}

std::vector<BruteCycle> brute_force_cycles(const Network& net, std::size_t max_length) {
    const auto hops = hop_amounts(net);
    std::vector<std::vector<EntityIndex>> next(net.entity_count());
    for (const auto& [key, amount] : hops) next[key.first].push_back(key.second);
    std::vector<BruteCycle> cycles;
    std::vector<EntityIndex> path;
    std::vector<bool> on_path(net.entity_count(), false);
    std::function<void(EntityIndex)> extend = [&](EntityIndex v) {
        for (const EntityIndex w : next[v]) {
            if (w == path.front()) {
                BruteCycle cycle{{}, INFINITY, 0};
                for (std::size_t i = 0; i < path.size(); ++i) {
                    const Dollars a = hops.at({path[i], path[(i + 1) % path.size()]});
                    cycle.ids.push_back(net.id(path[i]));
                    cycle.bottleneck = std::min(cycle.bottleneck, a);
                    cycle.volume += a;
                }
                cycles.push_back(cycle);
            } else if (!on_path[w] && net.id(w) > net.id(path.front()) &&
                       path.size() < max_length) {
                on_path[w] = true;
                path.push_back(w);
                extend(w);
                path.pop_back();
                on_path[w] = false;
            }
        }
    };
    for (EntityIndex s = 0; s < net.entity_count(); ++s) {
        path.assign(1, s);
        on_path[s] = true;
        extend(s);
        on_path[s] = false;
    }
    return cycles;
}

std::string join(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "" : " ") + id;
    return out;
}

std::vector<std::string> ids_of(const Network& net, const CycleResult& r, const Cycle& c) {
    std::vector<std::string> ids;
    for (const auto e : r.nodes_of(c)) ids.push_back(net.id(e));
    return ids;
}

/// Each listed cycle is real: distinct entities, every hop exists with the recorded contracts,
/// bottleneck and volume recomputed; canonical rotation; SPEC order.
void expect_valid(const Network& net, const CycleResult& r, std::size_t max_length) {
    const auto hops = hop_amounts(net);
    for (std::size_t k = 0; k < r.cycles.size(); ++k) {
        const Cycle& c = r.cycles[k];
        const auto nodes = r.nodes_of(c);
        ASSERT_GE(c.length, 1u);
        ASSERT_LE(c.length, max_length);
        std::set<EntityIndex> distinct(nodes.begin(), nodes.end());
        EXPECT_EQ(distinct.size(), nodes.size());
        Dollars bottleneck = INFINITY, volume = 0;
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            const EntityIndex u = nodes[i], v = nodes[(i + 1) % nodes.size()];
            const auto it = hops.find({u, v});
            ASSERT_NE(it, hops.end()) << "no contract " << net.id(u) << " -> " << net.id(v);
            std::size_t contracts = 0;
            for (const auto contract : r.contracts_of(c, static_cast<std::uint32_t>(i))) {
                EXPECT_EQ(net.contract(contract).from, u);
                EXPECT_EQ(net.contract(contract).to, v);
                ++contracts;
            }
            std::size_t expected_contracts = 0;
            for (const auto& contract : net.contracts()) {
                expected_contracts += contract.from == u && contract.to == v ? 1 : 0;
            }
            EXPECT_EQ(contracts, expected_contracts);
            EXPECT_EQ(r.amount_of(c, static_cast<std::uint32_t>(i)), it->second);
            bottleneck = std::min(bottleneck, it->second);
            volume += it->second;
        }
        EXPECT_EQ(c.bottleneck, bottleneck);
        EXPECT_NEAR(c.volume, volume, 1e-12 * volume);
        const auto ids = ids_of(net, r, c);
        EXPECT_EQ(*std::min_element(ids.begin(), ids.end()), ids.front());
        if (k > 0) {
            const Cycle& p = r.cycles[k - 1];
            const bool ordered = p.bottleneck > c.bottleneck ||
                                 (p.bottleneck == c.bottleneck &&
                                  (p.length < c.length ||
                                   (p.length == c.length && ids_of(net, r, p) < ids)));
            EXPECT_TRUE(ordered) << "cycle " << k << " out of order";
        }
    }
}

Network random_small(std::uint64_t seed) {
    SplitMix64 rng{seed};
    Network net;
    const std::size_t n = 1 + rng.next() % 7;
    for (std::size_t i = 0; i < n; ++i) net.find_or_add(std::string(1, static_cast<char>('A' + (rng.next() % 26))) + std::to_string(i));
    const std::size_t m = rng.next() % 22;
    for (std::size_t k = 0; k < m; ++k) {
        Contract c;
        c.from = static_cast<EntityIndex>(rng.next() % n);
        c.to = static_cast<EntityIndex>(rng.next() % n);
        c.kind = kAllContractKinds[rng.next() % kContractKindCount];
        c.amount = static_cast<Dollars>(1 + rng.next() % 12);  // small integers: many ties
        net.add_contract(c);
    }
    return net;
}

void check_against_brute_force(const Network& net, std::size_t max_length) {
    auto brute = brute_force_cycles(net, max_length);
    CycleOptions options;
    options.max_length = max_length;
    const auto all = find_cycles(net, options);
    EXPECT_FALSE(all.truncated);
    expect_valid(net, all, max_length);
    std::multiset<std::vector<std::string>> expected, got;
    for (const auto& b : brute) expected.insert(b.ids);
    for (const auto& c : all.cycles) got.insert(ids_of(net, all, c));
    if (got != expected) {
        std::string missing, extra;
        for (const auto& ids : expected) {
            if (got.count(ids) < expected.count(ids)) missing += " [" + join(ids) + "]";
        }
        for (const auto& ids : got) {
            if (expected.count(ids) < got.count(ids)) extra += " [" + join(ids) + "]";
        }
        FAIL() << "max_length " << max_length << ": missing" << missing << "; extra" << extra;
    }

    // Truncated listings: the largest bottlenecks are kept (exact multiset of bottlenecks).
    std::vector<Dollars> bottlenecks;
    for (const auto& b : brute) bottlenecks.push_back(b.bottleneck);
    std::sort(bottlenecks.rbegin(), bottlenecks.rend());
    for (std::size_t limit = 1; limit < brute.size(); limit += 1 + limit / 2) {
        options.limit = limit;
        options.largest_first = true;
        const auto top = find_cycles(net, options);
        EXPECT_TRUE(top.truncated);
        ASSERT_EQ(top.cycles.size(), limit);
        expect_valid(net, top, max_length);
        for (std::size_t i = 0; i < limit; ++i) {
            EXPECT_EQ(top.cycles[i].bottleneck, bottlenecks[i]) << "limit " << limit;
        }
        options.largest_first = false;
        const auto first = find_cycles(net, options);
        EXPECT_TRUE(first.truncated);
        EXPECT_EQ(first.cycles.size(), limit);
        expect_valid(net, first, max_length);
    }
}

TEST(CyclesProperty, SmallRandomGraphsMatchBruteForce) {
    for (std::uint64_t seed = 0; seed < 400; ++seed) {
        const Network net = random_small(seed);
        for (const std::size_t k : {1u, 2u, 3u, 4u, 8u}) {
            SCOPED_TRACE("seed " + std::to_string(seed) + " K " + std::to_string(k));
            check_against_brute_force(net, k);
            if (::testing::Test::HasFatalFailure()) return;
        }
    }
}

TEST(CyclesProperty, GeneratedNetworksMatchBruteForce) {
    // Heavy tails make some seeds nearly acyclic: count the seeds that exercise the search.
    int seeds_with_cycles = 0;
    for (std::uint64_t seed = 1; seed <= 6; ++seed) {
        GeneratorOptions g;
        g.entities = 30;
        g.contracts = 150;
        g.seed = seed;
        g.self_loops = seed % 2 == 0;
        const Network net = generate_network(g);
        for (const std::size_t k : {3u, 5u, 8u}) {
            SCOPED_TRACE("seed " + std::to_string(seed) + " K " + std::to_string(k));
            check_against_brute_force(net, k);
        }
        seeds_with_cycles += brute_force_cycles(net, 8).size() >= 20 ? 1 : 0;
    }
    EXPECT_GE(seeds_with_cycles, 4);
}

TEST(CyclesProperty, ResultDoesNotDependOnInputOrder) {
    GeneratorOptions g;
    g.entities = 30;
    g.contracts = 150;
    g.seed = 7;
    const Network net = generate_network(g);
    // The same network with entities and contracts listed backwards.
    Network reversed;
    for (std::size_t i = net.entity_count(); i-- > 0;) reversed.add_entity(net.entity(static_cast<EntityIndex>(i)));
    for (std::size_t i = net.contract_count(); i-- > 0;) {
        Contract c = net.contract(static_cast<ContractIndex>(i));
        c.from = *reversed.find(net.id(c.from));
        c.to = *reversed.find(net.id(c.to));
        reversed.add_contract(c);
    }
    CycleOptions options;
    options.max_length = 6;
    options.limit = 25;
    const auto a = find_cycles(net, options);
    const auto b = find_cycles(reversed, options);
    ASSERT_EQ(a.cycles.size(), b.cycles.size());
    ASSERT_TRUE(a.truncated);
    for (std::size_t i = 0; i < a.cycles.size(); ++i) {
        EXPECT_EQ(ids_of(net, a, a.cycles[i]), ids_of(reversed, b, b.cycles[i]));
    }
}

}  // namespace
}  // namespace crashchain
