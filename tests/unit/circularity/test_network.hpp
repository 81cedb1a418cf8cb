#pragma once
// Networks built in code for the circularity tests.

#include <initializer_list>
#include <string>
#include <vector>

#include "model/network.hpp"

namespace crashchain::testing {

struct TestContract {
    std::string from;
    std::string to;
    ContractKind kind = ContractKind::loan;
    Dollars amount = 1;
};

/// Entities in the order given (then any new ids in contract order), contracts in order.
inline Network make_network(std::initializer_list<std::string> ids,
                            const std::vector<TestContract>& contracts) {
    Network network;
    for (const auto& id : ids) network.find_or_add(id);
    for (const auto& c : contracts) {
        Contract contract;
        contract.from = network.find_or_add(c.from);
        contract.to = network.find_or_add(c.to);
        contract.kind = c.kind;
        contract.amount = c.amount;
        network.add_contract(contract);
    }
    return network;
}

/// Ids of a list of entity indices.
inline std::vector<std::string> ids_of(const Network& network,
                                       const std::vector<EntityIndex>& entities) {
    std::vector<std::string> ids;
    for (const auto e : entities) ids.push_back(network.id(e));
    return ids;
}

}  // namespace crashchain::testing
