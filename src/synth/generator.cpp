#include "synth/generator.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <stdexcept>
#include <vector>

namespace crashchain {
namespace {

constexpr std::array<const char*, 8> kTypes{"lab", "chipmaker", "cloud", "hyperscaler",
                                            "neocloud", "spv", "fund", "bank"};
// Kind mix: debt-heavy like a credit network, with commitments and equity as in the AI deals.
constexpr std::array<std::pair<ContractKind, double>, 8> kKindMix{{
    {ContractKind::loan, 0.30}, {ContractKind::bond, 0.10}, {ContractKind::credit, 0.10},
    {ContractKind::purchase, 0.20}, {ContractKind::lease, 0.10}, {ContractKind::equity, 0.12},
    {ContractKind::guarantee, 0.05}, {ContractKind::warrant, 0.03}}};

double normal(SplitMix64& rng) {
    // Box-Muller; one value per call keeps the stream simple to reason about.
    const double u1 = rng.uniform();
    const double u2 = rng.uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

std::vector<double> cumulative_pareto(std::size_t n, double exponent, SplitMix64& rng) {
    std::vector<double> cumulative(n);
    double total = 0;
    for (std::size_t i = 0; i < n; ++i) {
        total += std::pow(rng.uniform(), -1.0 / exponent);
        cumulative[i] = total;
    }
    return cumulative;
}

EntityIndex pick(const std::vector<double>& cumulative, SplitMix64& rng) {
    const double x = rng.uniform() * cumulative.back();
    auto it = std::upper_bound(cumulative.begin(), cumulative.end(), x);
    if (it == cumulative.end()) --it;
    return static_cast<EntityIndex>(it - cumulative.begin());
}

ContractKind pick_kind(SplitMix64& rng) {
    double x = rng.uniform();
    for (const auto& [kind, p] : kKindMix) {
        if (x < p) return kind;
        x -= p;
    }
    return ContractKind::loan;
}

}  // namespace

Network generate_network(const GeneratorOptions& options) {
    if (options.entities == 0) throw std::invalid_argument("generator: entities must be > 0");
    if (!options.self_loops && options.entities < 2 && options.contracts > 0) {
        throw std::invalid_argument("generator: contracts without self-loops need 2 entities");
    }
    SplitMix64 rng{options.seed};
    Network network;
    network.name = "synthetic";
    network.reserve(options.entities, options.contracts);
    for (std::size_t i = 0; i < options.entities; ++i) {
        Entity entity;
        entity.id = "e" + std::to_string(i);
        if (options.with_attributes) entity.type = kTypes[rng.next() % kTypes.size()];
        network.add_entity(std::move(entity));
    }
    const auto out_weight = cumulative_pareto(options.entities, options.tail_exponent, rng);
    const auto in_weight = cumulative_pareto(options.entities, options.tail_exponent, rng);
    const double mu = std::log(options.amount_median);
    std::vector<double> exposure(options.entities, 0), owed(options.entities, 0),
        claims(options.entities, 0);
    for (std::size_t c = 0; c < options.contracts; ++c) {
        Contract contract;
        contract.from = pick(out_weight, rng);
        contract.to = pick(in_weight, rng);
        while (!options.self_loops && contract.to == contract.from) {
            contract.to = static_cast<EntityIndex>(rng.next() % options.entities);
        }
        contract.kind = pick_kind(rng);
        contract.amount = std::exp(mu + options.amount_sigma * normal(rng));
        const auto& info = kind_info(contract.kind);
        if (contract.from != contract.to) {
            const EntityIndex exposed =
                info.exposed == ExposedSide::source ? contract.from : contract.to;
            exposure[exposed] += contract.amount * info.default_lgd;
            if (info.obligor == Obligor::target) {
                owed[contract.to] += contract.amount;
                claims[contract.from] += contract.amount;
            } else if (info.obligor == Obligor::source) {
                owed[contract.from] += contract.amount;
                claims[contract.to] += contract.amount;
            }
        }
        network.add_contract(std::move(contract));
    }
    if (!options.with_attributes) return network;
    for (EntityIndex i = 0; i < options.entities; ++i) {
        Entity& entity = network.entity(i);
        const double ratio = options.min_capital_ratio +
                             (options.max_capital_ratio - options.min_capital_ratio) * rng.uniform();
        const double capital = std::max(ratio * exposure[i], options.amount_median * 0.01);
        const double external_liabilities = 0.5 * owed[i] + options.amount_median * rng.uniform();
        // Balance sheet: external assets + claims = external liabilities + owed + capital.
        const double assets = std::max(0.0, external_liabilities + owed[i] + capital - claims[i]);
        entity.capital = capital;
        entity.assets = assets;
        entity.liabilities = external_liabilities;
        entity.hardware = (entity.type == "chipmaker" || entity.type == "cloud" ||
                           entity.type == "neocloud" || entity.type == "hyperscaler")
                              ? 0.3 * assets
                              : 0.0;
    }
    return network;
}

}  // namespace crashchain
