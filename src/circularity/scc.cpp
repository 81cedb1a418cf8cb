#include "circularity/scc.hpp"

#include "circularity/index.hpp"

#include <algorithm>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/strong_components.hpp>
#include <numeric>
#include <utility>

namespace crashchain {
namespace {

using CsrGraph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property,
                                                    boost::no_property, boost::no_property,
                                                    EntityIndex, ContractIndex>;

/// A (from, to) view over the contracts, so the CSR is built without copying them to pairs.
class ContractEndpoints {
public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = std::pair<EntityIndex, EntityIndex>;
    using difference_type = std::ptrdiff_t;
    using pointer = const value_type*;
    using reference = value_type;

    ContractEndpoints() = default;
    explicit ContractEndpoints(const Contract* at) : at_(at) {}
    value_type operator*() const { return {at_->from, at_->to}; }
    ContractEndpoints& operator++() {
        ++at_;
        return *this;
    }
    ContractEndpoints operator++(int) {
        ContractEndpoints copy = *this;
        ++at_;
        return copy;
    }
    bool operator==(const ContractEndpoints& other) const { return at_ == other.at_; }
    bool operator!=(const ContractEndpoints& other) const { return at_ != other.at_; }

private:
    const Contract* at_ = nullptr;
};

}  // namespace

ComponentLabels strong_component_labels(const Network& network) {
    const auto& contracts = network.contracts();
    ComponentLabels result;
    result.label.resize(network.entity_count());
    if (network.entity_count() == 0) return result;
    const CsrGraph graph(boost::edges_are_unsorted_multi_pass,
                         ContractEndpoints(contracts.data()),
                         ContractEndpoints(contracts.data() + contracts.size()),
                         network.entity_count());
    result.count = static_cast<std::uint32_t>(boost::strong_components(
        graph, boost::make_iterator_property_map(result.label.begin(),
                                                 boost::get(boost::vertex_index, graph))));
    return result;
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
