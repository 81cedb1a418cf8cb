#include "scenario/scenario_losses.hpp"

#include <algorithm>

#include "contagion/exposures.hpp"
#include "core/error.hpp"

namespace crashchain {

ShockLosses& ShockLosses::operator+=(const ShockLosses& other) {
    for (std::size_t i = 0; i < loss.size(); ++i) {
        loss[i] += other.loss[i];
        if (other.defaulted[i]) defaulted[i] = true;
    }
    return *this;
}

ShockLosses stage_losses(const Network& network, const ScenarioStage& stage,
                         const StressOptions& options) {
    ShockLosses added(network.entity_count());
    for (const ScenarioShock& shock : stage.shocks) {
        switch (shock.type) {
            case ShockType::default_:
                added.defaulted[shock.entity] = true;
                break;
            case ShockType::capital:
                added.loss[shock.entity] +=
                    shock.fraction * network.entity(shock.entity).effective_capital().value_or(0);
                break;
            case ShockType::valuation: {
                const std::vector<bool> target = shock.target_mask(network);
                for (const Contract& c : network.contracts()) {
                    if (c.kind != ContractKind::equity || c.from == c.to || !target[c.to]) continue;
                    added.loss[c.from] += c.amount * shock.fraction;  // the holder is the investor
                }
                break;
            }
            case ShockType::slowdown:
                for (const Contract& c : network.contracts()) {
                    if (c.from == c.to) continue;
                    if (std::find(shock.kinds.begin(), shock.kinds.end(), c.kind) ==
                        shock.kinds.end()) {
                        continue;
                    }
                    added.loss[exposure_pair(c).exposed] +=
                        c.amount * shock.fraction * effective_lgd(c, options.lgd_override);
                }
                break;
            case ShockType::hardware: {
                const std::vector<bool> target = shock.target_mask(network);
                for (EntityIndex i = 0; i < network.entity_count(); ++i) {
                    if (target[i]) {
                        added.loss[i] += network.entity(i).hardware.value_or(0) * shock.fraction;
                    }
                }
                break;
            }
        }
    }
    return added;
}

ShockVector shock_from_losses(const Network& network, const ShockLosses& losses, Model model) {
    const bool clearing = model == Model::clearing;
    ShockVector shock(network.entity_count(), 0.0);
    Diagnostics problems;
    for (EntityIndex i = 0; i < network.entity_count(); ++i) {
        if (losses.defaulted[i]) {
            shock[i] = 1.0;
            continue;
        }
        if (!(losses.loss[i] > 0)) continue;
        const Entity& entity = network.entity(i);
        const auto base = clearing ? entity.assets : entity.effective_capital();
        if (!base) {
            problems.add({{}, std::nullopt, "entity " + entity.id,
                          std::string("the scenario takes a loss from it but it has no ") +
                              (clearing ? "\"assets\" (clearing reduces external assets)"
                                        : "\"capital\" (give capital, or assets and liabilities)")});
            continue;
        }
        shock[i] = *base > 0 ? std::min(1.0, losses.loss[i] / *base) : 1.0;
    }
    problems.throw_if_any();
    return shock;
}

}  // namespace crashchain
