#include "model/selection.hpp"

#include <algorithm>

namespace crashchain {

bool Selection::keeps(const Contract& contract) const {
    if (!kinds.empty() && std::find(kinds.begin(), kinds.end(), contract.kind) == kinds.end()) {
        return false;
    }
    if (!statuses.empty() &&
        std::find(statuses.begin(), statuses.end(), contract.status) == statuses.end()) {
        return false;
    }
    return !min_amount || contract.amount >= *min_amount;
}

Network select(const Network& network, const Selection& selection) {
    if (selection.keeps_everything()) return network;
    Network selected;
    selected.name = network.name;
    selected.graph_attributes = network.graph_attributes;
    selected.reserve(network.entity_count(), network.contract_count());
    for (const auto& entity : network.entities()) selected.add_entity(entity);
    for (const auto& contract : network.contracts()) {
        if (selection.keeps(contract)) selected.add_contract(contract);
    }
    return selected;
}

}  // namespace crashchain
