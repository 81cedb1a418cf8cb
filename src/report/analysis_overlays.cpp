#include "report/analysis_overlays.hpp"

#include <unordered_map>

#include "core/amount.hpp"

namespace crashchain {
namespace {

constexpr const char* kCycleRed = "#c0392b";
constexpr const char* kLossRed = "#8b0000";
constexpr const char* kGroupTint = "#f9d6d5";

double effective_lgd(const Contract& contract, const StressOptions& options) {
    if (contract.lgd) return *contract.lgd;
    const auto kind = static_cast<std::size_t>(contract.kind);
    if (options.lgd_override[kind]) return *options.lgd_override[kind];
    return kind_info(contract.kind).default_lgd;
}

// The party that loses when the other side of the contract fails (SPEC 1.5).
EntityIndex exposed_party(const Contract& contract) {
    return kind_info(contract.kind).exposed == ExposedSide::source ? contract.from : contract.to;
}

std::uint64_t pair_key(EntityIndex exposed, EntityIndex counterparty) {
    return (static_cast<std::uint64_t>(exposed) << 32) | counterparty;
}

}  // namespace

DiagramOverlay cycle_overlay(const Network& network, const CycleResult& cycles,
                             const SccResult& components) {
    DiagramOverlay overlay;
    const auto on_cycle = cycles.contracts_on_cycles(network.contract_count());
    for (ContractIndex c = 0; c < on_cycle.size(); ++c) {
        if (on_cycle[c]) overlay.contracts[c] = ContractMark{kCycleRed, {}};
    }
    // Each circular group (non-trivial SCC) is drawn as a dashed cluster, its members tinted.
    for (std::size_t g = 0; g < components.components.size(); ++g) {
        const auto& members = components.components[g];
        for (EntityIndex e : members) {
            overlay.entities[e] = EntityMark{std::nullopt, kGroupTint, {}, false};
        }
        overlay.groups.push_back(EntityGroup{"circular group " + std::to_string(g + 1) + " (" +
                                                 std::to_string(members.size()) + " entities)",
                                             members, kCycleRed});
    }
    if (!components.components.empty()) {
        overlay.legend.push_back(
            LegendEntry{"in a circular group (SCC, dashed box)", kGroupTint, false});
    }
    overlay.subtitle = std::to_string(cycles.cycles.size()) +
                       (cycles.truncated ? "+" : "") + " circular deals (cycles) highlighted";
    overlay.legend.push_back(LegendEntry{"contract on a cycle", kCycleRed, true});
    overlay.fade_unmarked = true;
    return overlay;
}

DiagramOverlay stress_overlay(const Network& network, const StressResult& result,
                              const StressOptions& options) {
    DiagramOverlay overlay;
    // Loss each exposed entity took from each counterparty, to find the contracts behind it.
    std::unordered_map<std::uint64_t, Dollars> transmitted;
    for (const auto& outcome : result.entities) {
        if (outcome.defaulted && outcome.round) {
            EntityMark mark;
            mark.round = static_cast<unsigned>(*outcome.round);
            if (outcome.loss && *outcome.loss > 0) mark.note = "lost " + format_amount(*outcome.loss);
            overlay.entities[outcome.entity] = mark;
        } else if (outcome.status == EntityStatus::distressed) {
            EntityMark mark;
            mark.fill = "#fde9c8";
            mark.bold = false;
            if (outcome.h) {
                mark.note = "h " + std::to_string(static_cast<int>(*outcome.h * 100 + 0.5)) + "%";
            } else if (outcome.capital_lost) {
                mark.note = "lost " + format_amount(*outcome.capital_lost);
            }
            overlay.entities[outcome.entity] = mark;
        }
        for (const auto& cause : outcome.causes) {
            if (cause.counterparty != kNoEntity && cause.loss > 0) {
                transmitted[pair_key(outcome.entity, cause.counterparty)] += cause.loss;
            }
        }
    }
    for (ContractIndex c = 0; c < network.contract_count(); ++c) {
        const Contract& contract = network.contract(c);
        if (contract.from == contract.to) continue;
        const EntityIndex exposed = exposed_party(contract);
        const EntityIndex counterparty = exposed == contract.from ? contract.to : contract.from;
        if (!transmitted.contains(pair_key(exposed, counterparty))) continue;
        std::string label = std::string(to_string(contract.kind)) + " " +
                            format_amount(contract.amount);
        if (result.model == Model::furfine || result.model == Model::debtrank ||
            result.model == Model::linear_debtrank) {
            label += " × lgd " + format_exact(effective_lgd(contract, options));
        }
        overlay.contracts[c] = ContractMark{kLossRed, label};
    }
    overlay.subtitle = "crash chain, model " + std::string(to_string(result.model)) + ": " +
                       std::to_string(result.summary.defaults) + " defaults";
    overlay.legend.push_back(LegendEntry{"distressed", "#fde9c8", false});
    overlay.legend.push_back(LegendEntry{"contract that transmitted a loss", kLossRed, true});
    overlay.fade_unmarked = true;
    overlay.unmarked_caption = "unaffected";
    return overlay;
}

}  // namespace crashchain
