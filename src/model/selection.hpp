#pragma once
// The contract filters every analysis command takes (SPEC 2, 6): --kinds, --status, --min-amount.

#include <optional>
#include <vector>

#include "model/network.hpp"

namespace crashchain {

struct Selection {
    std::vector<ContractKind> kinds;        ///< empty = all kinds
    std::vector<ContractStatus> statuses;   ///< empty = all statuses
    std::optional<Dollars> min_amount;      ///< keeps amount >= min_amount
    [[nodiscard]] bool keeps_everything() const {
        return kinds.empty() && statuses.empty() && !min_amount;
    }
    [[nodiscard]] bool keeps(const Contract& contract) const;
};

/// A copy of the network with only the selected contracts; every entity stays.
[[nodiscard]] Network select(const Network& network, const Selection& selection);

}  // namespace crashchain
