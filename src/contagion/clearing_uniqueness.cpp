#include "contagion/clearing_uniqueness.hpp"

#include <cstdint>
#include <limits>
#include <vector>

#include "circularity/pearce_scc.hpp"

namespace crashchain {

bool no_closed_zero_equity_group(const Obligations& obligations, std::span<const double> pbar,
                                 std::span<const char> zero_equity) {
    constexpr auto kOutside = std::numeric_limits<std::uint32_t>::max();
    constexpr double kLeakShare = 1e-12;  // a leak below this share of pbar is rounding noise
    const SparseRows& owes = obligations.by_debtor;
    const std::size_t n = pbar.size();
    std::vector<std::uint32_t> local(n, kOutside);
    std::vector<EntityIndex> members;
    for (std::size_t i = 0; i < n; ++i) {
        if (zero_equity[i] != 0 && pbar[i] > 0) {
            local[i] = static_cast<std::uint32_t>(members.size());
            members.push_back(static_cast<EntityIndex>(i));
        }
    }
    // The obligation graph on Z: debtor -> creditor.
    std::vector<std::uint32_t> offsets(members.size() + 1, 0);
    std::vector<std::uint32_t> targets;
    for (std::size_t k = 0; k < members.size(); ++k) {
        for (EntityIndex creditor : owes.columns(members[k])) {
            if (local[creditor] != kOutside) targets.push_back(local[creditor]);
        }
        offsets[k + 1] = static_cast<std::uint32_t>(targets.size());
    }
    const ComponentLabels components = pearce_components(offsets, targets);
    std::vector<std::uint32_t> size(components.count, 0);
    for (std::uint32_t label : components.label) ++size[label];
    // A group is closed while none of its members is seen to leak.
    std::vector<char> leaks(components.count, 0);
    for (std::size_t k = 0; k < members.size(); ++k) {
        const std::uint32_t label = components.label[k];
        if (size[label] < 2) continue;
        const EntityIndex debtor = members[k];
        const auto creditors = owes.columns(debtor);
        const auto owed = owes.values(debtor);
        double inside = 0;
        for (std::size_t e = 0; e < creditors.size(); ++e) {
            const std::uint32_t c = local[creditors[e]];
            if (c != kOutside && components.label[c] == label) inside += owed[e];
        }
        if (pbar[debtor] - inside > kLeakShare * pbar[debtor]) leaks[label] = 1;
    }
    for (std::uint32_t label = 0; label < components.count; ++label) {
        if (size[label] >= 2 && leaks[label] == 0) return false;
    }
    return true;
}

}  // namespace crashchain
