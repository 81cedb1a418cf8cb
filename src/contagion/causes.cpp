#include "contagion/causes.hpp"

#include <algorithm>
#include <map>

namespace crashchain {

void add_default_causes(StressResult& result, const SparseRows& exposed_to,
                        std::span<const EntityIndex> sources, std::span<const double> scale) {
    // Exact sizes first: one allocation per entity instead of repeated growth.
    std::vector<std::uint32_t> count(result.entities.size(), 0);
    for (EntityIndex j : sources) {
        for (EntityIndex i : exposed_to.columns(j)) ++count[i];
    }
    for (std::size_t i = 0; i < count.size(); ++i) {
        if (count[i] != 0) result.entities[i].causes.reserve(count[i]);
    }
    for (EntityIndex j : sources) {
        const auto exposed = exposed_to.columns(j);
        const auto amount = exposed_to.values(j);
        const double factor = scale.empty() ? 1.0 : scale[j];
        for (std::size_t k = 0; k < exposed.size(); ++k) {
            const Dollars loss = amount[k] * factor;
            if (loss > 0) result.entities[exposed[k]].causes.push_back({j, loss});
        }
    }
    sort_causes(result);
}

void sort_causes(StressResult& result) {
    for (auto& e : result.entities) {
        std::sort(e.causes.begin(), e.causes.end(), [](const Transmission& a, const Transmission& b) {
            if (a.loss != b.loss) return a.loss > b.loss;
            return a.counterparty < b.counterparty;
        });
    }
}

std::vector<RoundDefaults> rounds_from(const std::vector<EntityOutcome>& entities) {
    std::map<int, std::vector<EntityIndex>> by_round;
    for (const auto& e : entities) {
        if (e.defaulted && e.round) by_round[*e.round].push_back(e.entity);
    }
    std::vector<RoundDefaults> rounds;
    rounds.reserve(by_round.size());
    for (auto& [round, ids] : by_round) rounds.push_back({round, std::move(ids)});
    return rounds;
}

}  // namespace crashchain
