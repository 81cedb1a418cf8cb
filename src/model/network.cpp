#include "model/network.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/error.hpp"

namespace crashchain {

std::string_view find_attribute(const Attributes& attributes, std::string_view key) {
    for (const auto& [k, v] : attributes) {
        if (k == key) return v;
    }
    return {};
}

Network::Network(const Network& other)
    : name(other.name),
      graph_attributes(other.graph_attributes),
      entities_(other.entities_),
      contracts_(other.contracts_),
      index_(other.index_) {}

Network& Network::operator=(const Network& other) {
    if (this != &other) *this = Network(other);
    return *this;
}

std::optional<EntityIndex> Network::add_entity(Entity entity) {
    if (entities_.size() >= kNoEntity) throw std::length_error("too many entities");
    const auto index = static_cast<EntityIndex>(entities_.size());
    auto [it, inserted] = index_.emplace(entity.id, index);
    if (!inserted) return std::nullopt;
    entities_.push_back(std::move(entity));
    graph_.reset();
    graph_once_ = std::make_unique<std::once_flag>();
    return index;
}

EntityIndex Network::find_or_add(std::string_view id) {
    if (auto found = find(id)) return *found;
    Entity entity;
    entity.id = std::string(id);
    return *add_entity(std::move(entity));
}

ContractIndex Network::add_contract(Contract contract) {
    if (contract.from >= entities_.size() || contract.to >= entities_.size()) {
        throw std::out_of_range("contract names an entity index outside the network");
    }
    if (contracts_.size() >= std::numeric_limits<ContractIndex>::max()) {
        throw std::length_error("too many contracts");
    }
    contracts_.push_back(std::move(contract));
    graph_.reset();
    graph_once_ = std::make_unique<std::once_flag>();
    return static_cast<ContractIndex>(contracts_.size() - 1);
}

std::optional<EntityIndex> Network::find(std::string_view id) const {
    // Heterogeneous lookup needs C++20 transparent hashing; a temporary string is simpler here.
    auto it = index_.find(std::string(id));
    if (it == index_.end()) return std::nullopt;
    return it->second;
}

void Network::reserve(std::size_t entities, std::size_t contracts) {
    entities_.reserve(entities);
    index_.reserve(entities);
    contracts_.reserve(contracts);
}

const Network::Graph& Network::graph() const {
    std::call_once(*graph_once_, [this] {
        auto graph = std::make_unique<Graph>(entities_.size());
        for (ContractIndex c = 0; c < contracts_.size(); ++c) {
            boost::add_edge(contracts_[c].from, contracts_[c].to, c, *graph);
        }
        graph_ = std::move(graph);
    });
    return *graph_;
}

namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            const bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                              std::tolower(static_cast<unsigned char>(b[j - 1]));
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
            diagonal = up;
        }
    }
    return row[b.size()];
}

}  // namespace

std::string suggest_entity(const Network& network, std::string_view unknown) {
    std::string best;
    std::size_t best_distance = std::max<std::size_t>(2, unknown.size() / 3) + 1;
    for (const auto& entity : network.entities()) {
        const std::size_t d = edit_distance(unknown, entity.id);
        if (d < best_distance) {
            best_distance = d;
            best = entity.id;
        }
    }
    return best;
}

EntityIndex require_entity(const Network& network, std::string_view id, std::string_view option) {
    if (auto found = network.find(id)) return *found;
    std::string message = std::string(option) + ": unknown entity \"" + std::string(id) + "\"";
    if (auto guess = suggest_entity(network, id); !guess.empty()) {
        message += " (did you mean \"" + guess + "\"?)";
    }
    throw InputError(std::move(message));
}

}  // namespace crashchain
