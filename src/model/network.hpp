#pragma once
// The network: entities and contracts (a directed multigraph), an id index, and a Boost.Graph
// view for the standard graph algorithms.

#include <boost/graph/adjacency_list.hpp>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/contract.hpp"
#include "model/entity.hpp"

namespace crashchain {

class Network {
public:
    /// Vertices are entity indices; each edge carries the index of its contract.
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                        boost::no_property, ContractIndex>;

    Network() = default;
    Network(const Network& other);
    Network& operator=(const Network& other);
    Network(Network&&) noexcept = default;
    Network& operator=(Network&&) noexcept = default;
    ~Network() = default;

    /// Adds an entity; returns nullopt (and adds nothing) if the id is already present.
    std::optional<EntityIndex> add_entity(Entity entity);
    /// The entity with this id, adding a bare one if absent (formats that declare by use).
    EntityIndex find_or_add(std::string_view id);
    /// Adds a contract between existing entities (indices are checked).
    ContractIndex add_contract(Contract contract);

    [[nodiscard]] std::optional<EntityIndex> find(std::string_view id) const;
    [[nodiscard]] const std::vector<Entity>& entities() const { return entities_; }
    [[nodiscard]] const std::vector<Contract>& contracts() const { return contracts_; }
    [[nodiscard]] const Entity& entity(EntityIndex i) const { return entities_[i]; }
    [[nodiscard]] Entity& entity(EntityIndex i) { return entities_[i]; }
    [[nodiscard]] const Contract& contract(ContractIndex c) const { return contracts_[c]; }
    [[nodiscard]] const std::string& id(EntityIndex i) const { return entities_[i].id; }
    [[nodiscard]] std::size_t entity_count() const { return entities_.size(); }
    [[nodiscard]] std::size_t contract_count() const { return contracts_.size(); }

    void reserve(std::size_t entities, std::size_t contracts);

    /// The Boost.Graph view, built on first use (thread-safe). Call it before handing the
    /// network to worker threads if they need it, so the build is not timed inside them.
    [[nodiscard]] const Graph& graph() const;

    /// Graph name (DOT) and graph-level attributes, kept for round trips.
    std::string name;
    Attributes graph_attributes;

private:
    std::vector<Entity> entities_;
    std::vector<Contract> contracts_;
    std::unordered_map<std::string, EntityIndex> index_;
    mutable std::unique_ptr<std::once_flag> graph_once_ = std::make_unique<std::once_flag>();
    mutable std::unique_ptr<Graph> graph_;
};

/// Lists `id` suggestions for an unknown id ("did you mean ...?"), or empty.
[[nodiscard]] std::string suggest_entity(const Network& network, std::string_view unknown);

/// The entity index for an id given on the command line; InputError with a suggestion if unknown.
[[nodiscard]] EntityIndex require_entity(const Network& network, std::string_view id,
                                         std::string_view option);

}  // namespace crashchain
