#pragma once
// Vendor financing: the "circular deal" of the AI-compute boom (seed article; SPEC 2 "Round
// trip" names it). Money that entity X invests or lends to Y (equity, warrant, loan, bond,
// credit from X to Y) comes back to X as purchases or lease payments (purchase, lease into X), either directly
// (Y -> X, a 2-cycle) or through one more entity (Y -> Z -> X, a 3-cycle, any kind on Y -> Z):
// Nvidia invests in OpenAI, OpenAI buys cloud from Oracle, Oracle buys Nvidia chips.
//
// investment = sum of X's investment-kind contracts to Y; the return path carries at most
// return = purchase/lease contracts Y -> X (2-cycle), or min(every contract Y -> Z, purchase/lease
// contracts Z -> X) (3-cycle); returned = min(return, investment); share = returned / investment:
// the part of the investment that can come straight back as revenue. See docs/circularity.md.

#include <vector>

#include "circularity/index.hpp"
#include "model/network.hpp"

namespace crashchain {

struct VendorFinancing {
    /// The investor first: [X, Y] or [X, Y, Z]; hop i goes to nodes[(i + 1) % size].
    std::vector<EntityIndex> nodes;
    /// Per hop, the contracts counted: X's investments in Y, then (3-cycle) every Y -> Z
    /// contract, then the purchases and leases paid to X.
    std::vector<std::vector<ContractIndex>> hop_contracts;
    Dollars investment = 0;
    Dollars returned = 0;
    double share = 0;
};

/// Every flag, by returned descending, then share descending, then the id sequence; at most
/// `limit` (the largest returned).
[[nodiscard]] std::vector<VendorFinancing> find_vendor_financing(const Network& network,
                                                                 const CircularityIndex& index,
                                                                 std::size_t limit);

/// Investment kinds (money out as capital) and return kinds (money back as revenue).
[[nodiscard]] bool is_investment_kind(ContractKind kind);
[[nodiscard]] bool is_return_kind(ContractKind kind);

}  // namespace crashchain
