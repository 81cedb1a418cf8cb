#pragma once
// The losses scenario shocks put on entities before any contagion (SPEC 3.4), and how the
// accumulated losses become a model's initial shock.

#include <vector>

#include "contagion/stress.hpp"
#include "scenario/scenario.hpp"

namespace crashchain {

struct ShockLosses {
    std::vector<Dollars> loss;    ///< dollars, per entity
    std::vector<bool> defaulted;  ///< hit by a `default` shock

    ShockLosses() = default;
    explicit ShockLosses(std::size_t entities) : loss(entities, 0.0), defaulted(entities, false) {}
    ShockLosses& operator+=(const ShockLosses& other);
};

/// What one stage's shocks add:
/// default: the entity defaults; capital: fraction * C; valuation: each holder of equity in a
/// target loses amount * fraction; slowdown: the exposed party of each contract of the kinds
/// loses amount * fraction * lgd; hardware: each target loses hardware * fraction.
/// lgd = the contract's own, else options.lgd_override, else the kind's default. Self-loops
/// carry no exposure (SPEC 6) and lose nothing.
[[nodiscard]] ShockLosses stage_losses(const Network& network, const ScenarioStage& stage,
                                       const StressOptions& options);

/// The model's initial shock from accumulated losses: F_i = 1 for entities hit by a default
/// shock; otherwise, for furfine and the DebtRanks, F_i = min(1, loss_i / C_i) (C_i = 0: any
/// positive loss gives 1), and for clearing F_i = min(1, loss_i / assets_i), i.e. external assets
/// reduced by the loss, not below 0. InputError naming the entity if it has a loss but lacks the
/// figure (capital, or assets for clearing).
[[nodiscard]] ShockVector shock_from_losses(const Network& network, const ShockLosses& losses,
                                            Model model);

}  // namespace crashchain
