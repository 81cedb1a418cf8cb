#pragma once
// Hand-built networks for the scenario tests (no file readers involved).

#include <optional>
#include <string>

#include "model/network.hpp"

namespace crashchain::testing {

struct EntitySpec {
    std::string id;
    std::string type;
    std::optional<Dollars> capital;
    std::optional<Dollars> assets;
    std::optional<Dollars> liabilities;
    std::optional<Dollars> hardware;
};

inline EntityIndex add(Network& network, const EntitySpec& spec) {
    Entity entity;
    entity.id = spec.id;
    entity.type = spec.type;
    entity.capital = spec.capital;
    entity.assets = spec.assets;
    entity.liabilities = spec.liabilities;
    entity.hardware = spec.hardware;
    return *network.add_entity(std::move(entity));
}

inline void link(Network& network, const std::string& from, const std::string& to,
                 ContractKind kind, Dollars amount, std::optional<double> lgd = std::nullopt) {
    Contract contract;
    contract.from = *network.find(from);
    contract.to = *network.find(to);
    contract.kind = kind;
    contract.amount = amount;
    contract.lgd = lgd;
    network.add_contract(std::move(contract));
}

/// Lab, Chip, Cloud, Fund (amounts in dollars, small for hand working):
///   Chip -> Lab equity 100, Fund -> Lab equity 10, Lab -> Cloud purchase 300,
///   Cloud -> Chip purchase 40, Fund -> Cloud loan 20, Lab -> Cloud lease 50 (lgd 0.2).
inline Network four_entities() {
    Network network;
    add(network, {"Lab", "lab", 20, 30, 10, 5});
    add(network, {"Chip", "chipmaker", 100, 150, 50, 10});
    add(network, {"Cloud", "cloud", 25, 130, 105, 60});
    add(network, {"Fund", "fund", 40, std::nullopt, std::nullopt, std::nullopt});
    link(network, "Chip", "Lab", ContractKind::equity, 100);
    link(network, "Fund", "Lab", ContractKind::equity, 10);
    link(network, "Lab", "Cloud", ContractKind::purchase, 300);
    link(network, "Cloud", "Chip", ContractKind::purchase, 40);
    link(network, "Fund", "Cloud", ContractKind::loan, 20);
    link(network, "Lab", "Cloud", ContractKind::lease, 50, 0.2);
    return network;
}

}  // namespace crashchain::testing
