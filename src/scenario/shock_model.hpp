#pragma once
// The shock sizes shared by Monte Carlo (SPEC 3.5) and reverse stress (SPEC 3.6):
// leverage, default asset volatilities per entity type, and how a shock in "share of capital"
// terms becomes each model's initial shock.

#include <string>
#include <string_view>
#include <vector>

#include "contagion/stress.hpp"

namespace crashchain {

/// lev_i = assets_i / C_i when both are given and positive, else 1 (SPEC 3.5).
[[nodiscard]] double leverage(const Entity& entity);

/// Default volatility of the annual return on assets for an entity type (unknown or empty
/// types: `other`). The table and its calibration are in docs/scenarios.md.
[[nodiscard]] double default_sigma(std::string_view type);

/// Per-entity sigma: the type's default unless `--sigma type=v` overrides it. InputError for
/// a malformed override, v not a positive finite number, or a type that is neither a SPEC type
/// nor present in the network (with a suggestion).
[[nodiscard]] std::vector<double> entity_sigmas(const Network& network,
                                                const std::vector<std::string>& overrides);

/// Monte Carlo: F_i = clamp(-scale_i Z_i, 0, 1) with scale_i = sigma_i lev_i for the cascade
/// models (a share of capital) and sigma_i for clearing, whose shock is a share of external
/// assets: the same dollar loss sigma_i |Z_i| assets_i, not capped at the capital.
[[nodiscard]] std::vector<double> monte_carlo_scale(const Network& network,
                                                    const std::vector<double>& sigma, Model model);

/// Reverse stress: the uniform shock f on the candidates: F_i = min(1, f lev_i) for the cascade
/// models, F_i = f for clearing (assets_i (1 - f)); 0 for entities that are not candidates.
class UniformShock {
public:
    UniformShock(const Network& network, Model model, const std::vector<bool>& candidates);
    [[nodiscard]] ShockVector operator()(double f) const;

private:
    std::vector<double> multiplier_;  ///< lev_i, 1 (clearing) or 0 (not a candidate)
};

}  // namespace crashchain
