#include "circularity/scc.hpp"

#include "circularity/index.hpp"

#include <algorithm>
#include <numeric>

#include "circularity/pearce_scc.hpp"

namespace crashchain {

ComponentLabels strong_component_labels(const Network& network) {
    // The contracts' endpoints as a CSR graph by one counting sort (parallel contracts and
    // self-loops are harmless to the search).
    const auto& contracts = network.contracts();
    const std::size_t n = network.entity_count();
    std::vector<std::uint32_t> offsets(n + 1, 0);
    for (const Contract& c : contracts) ++offsets[c.from + 1];
    for (std::size_t v = 0; v < n; ++v) offsets[v + 1] += offsets[v];
    std::vector<std::uint32_t> targets(contracts.size());
    std::vector<std::uint32_t> fill(offsets.begin(), offsets.end() - 1);
    for (const Contract& c : contracts) targets[fill[c.from]++] = c.to;
    return pearce_components(offsets, targets);
}

std::vector<std::uint32_t> id_ranks(const Network& network) {
    std::vector<EntityIndex> order(network.entity_count());
    std::iota(order.begin(), order.end(), EntityIndex{0});
    std::sort(order.begin(), order.end(),
              [&](EntityIndex a, EntityIndex b) { return network.id(a) < network.id(b); });
    std::vector<std::uint32_t> rank(order.size());
    for (std::size_t r = 0; r < order.size(); ++r) rank[order[r]] = static_cast<std::uint32_t>(r);
    return rank;
}

namespace {

SccResult group(const Network& network, const ComponentLabels& labels,
                const std::vector<std::uint32_t>& rank) {
    std::vector<std::uint32_t> size(labels.count, 0);
    for (const auto l : labels.label) ++size[l];
    std::vector<bool> nontrivial(labels.count, false);
    for (std::uint32_t l = 0; l < labels.count; ++l) nontrivial[l] = size[l] >= 2;
    for (const auto& c : network.contracts()) {
        if (c.from == c.to) nontrivial[labels.label[c.from]] = true;
    }

    SccResult result;
    std::vector<std::uint32_t> slot(labels.count, SccResult::kNoComponent);
    for (std::uint32_t l = 0; l < labels.count; ++l) {
        if (!nontrivial[l]) continue;
        slot[l] = static_cast<std::uint32_t>(result.components.size());
        result.components.emplace_back().reserve(size[l]);
    }
    for (EntityIndex e = 0; e < network.entity_count(); ++e) {
        const auto s = slot[labels.label[e]];
        if (s != SccResult::kNoComponent) result.components[s].push_back(e);
    }
    const auto by_id = [&](EntityIndex a, EntityIndex b) { return rank[a] < rank[b]; };
    for (auto& component : result.components) std::sort(component.begin(), component.end(), by_id);
    std::sort(result.components.begin(), result.components.end(),
              [&](const auto& a, const auto& b) {
                  if (a.size() != b.size()) return a.size() > b.size();
                  return rank[a.front()] < rank[b.front()];
              });
    result.component_of.assign(network.entity_count(), SccResult::kNoComponent);
    for (std::uint32_t s = 0; s < result.components.size(); ++s) {
        for (const auto e : result.components[s]) result.component_of[e] = s;
    }
    return result;
}

}  // namespace

SccResult strongly_connected(const Network& network) {
    return group(network, strong_component_labels(network), id_ranks(network));
}

SccResult strongly_connected(const Network& network, const CircularityIndex& index) {
    return group(network, index.components, index.id_rank);
}

}  // namespace crashchain
