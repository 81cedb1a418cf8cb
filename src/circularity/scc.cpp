#include "circularity/scc.hpp"

#include "circularity/index.hpp"

#include <algorithm>
#include <string_view>

#include "circularity/pearce_scc.hpp"

namespace crashchain {

ComponentLabels strong_component_labels(const Network& network) {
    // The contracts' endpoints as a CSR graph by one counting sort (parallel contracts and
    // self-loops are harmless to the search). Contracts are large records: they are read once,
    // into compact endpoint arrays, and the sort works on those.
    const auto& contracts = network.contracts();
    const std::size_t n = network.entity_count();
    std::vector<std::uint32_t> offsets(n + 1, 0);
    std::vector<std::uint32_t> from(contracts.size()), to(contracts.size());
    for (std::size_t c = 0; c < contracts.size(); ++c) {
        from[c] = contracts[c].from;
        to[c] = contracts[c].to;
        ++offsets[from[c] + 1];
    }
    for (std::size_t v = 0; v < n; ++v) offsets[v + 1] += offsets[v];
    std::vector<std::uint32_t> targets(contracts.size());
    std::vector<std::uint32_t> fill(offsets.begin(), offsets.end() - 1);
    for (std::size_t c = 0; c < contracts.size(); ++c) targets[fill[from[c]]++] = to[c];
    return pearce_components(offsets, targets);
}

std::vector<std::uint32_t> id_ranks(const Network& network) {
    // Sorting by the ids themselves chases one pointer per comparison into scattered entity
    // records; a big-endian key of the first 8 bytes settles most comparisons in the array.
    // Ids hold no NUL byte (the readers refuse it), so zero padding orders a shorter id first.
    struct Keyed {
        std::uint64_t prefix;
        std::string_view id;
        EntityIndex entity;
    };
    std::vector<Keyed> order(network.entity_count());
    for (EntityIndex e = 0; e < order.size(); ++e) {
        const std::string_view id = network.id(e);
        std::uint64_t prefix = 0;
        for (std::size_t b = 0; b < 8; ++b) {
            const auto byte = b < id.size() ? static_cast<unsigned char>(id[b]) : 0u;
            prefix = (prefix << 8) | byte;
        }
        order[e] = {prefix, id, e};
    }
    std::sort(order.begin(), order.end(), [](const Keyed& a, const Keyed& b) {
        if (a.prefix != b.prefix) return a.prefix < b.prefix;
        return a.id < b.id;  // char_traits<char> compares bytes as unsigned char
    });
    std::vector<std::uint32_t> rank(order.size());
    for (std::size_t r = 0; r < order.size(); ++r) {
        rank[order[r].entity] = static_cast<std::uint32_t>(r);
    }
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
