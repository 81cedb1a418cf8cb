#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/types.hpp"
#include "model/contract_kind.hpp"

namespace crashchain {

/// A contract `from -> to`, directed the way the money moves (SPEC 1.4). Kept compact: text
/// fields live in `attributes` because networks hold millions of contracts.
struct Contract {
    EntityIndex from = kNoEntity;
    EntityIndex to = kNoEntity;
    ContractKind kind = ContractKind::loan;
    ContractStatus status = ContractStatus::signed_;
    Dollars amount = 0;
    std::optional<double> stake;  ///< equity only: fraction of the target owned
    std::optional<double> lgd;    ///< overrides the kind default (and --lgd)
    std::optional<double> term;   ///< years
    /// `date`, `label`, `source`, `note` and unknown attributes, in input order.
    Attributes attributes;
};

/// Value of a text attribute, or empty when absent.
[[nodiscard]] std::string_view find_attribute(const Attributes& attributes, std::string_view key);

}  // namespace crashchain
