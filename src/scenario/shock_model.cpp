#include "scenario/shock_model.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <set>

#include "core/amount.hpp"
#include "core/error.hpp"

namespace crashchain {
namespace {

struct TypeSigma {
    std::string_view type;
    double sigma;
};

// Annual asset-return volatility by type. With the distance to default 1 / (sigma lev), these
// put the one-year default probability without contagion near the type's rating- or
// market-implied level at its typical book leverage (docs/scenarios.md has the working).
constexpr std::array<TypeSigma, 11> kSigma{{
    {"lab", 0.35},
    {"chipmaker", 0.20},
    {"cloud", 0.05},
    {"hyperscaler", 0.15},
    {"neocloud", 0.08},
    {"spv", 0.03},
    {"fund", 0.15},
    {"bank", 0.03},
    {"investor", 0.10},
    {"sovereign", 0.05},
    {"other", 0.05},
}};

}  // namespace

double leverage(const Entity& entity) {
    const auto capital = entity.effective_capital();
    if (entity.assets && capital && *entity.assets > 0 && *capital > 0) {
        return *entity.assets / *capital;
    }
    return 1.0;
}

double default_sigma(std::string_view type) {
    for (const auto& [name, sigma] : kSigma) {
        if (name == type) return sigma;
    }
    return kSigma.back().sigma;
}

std::vector<double> entity_sigmas(const Network& network,
                                  const std::vector<std::string>& overrides) {
    std::set<std::string> network_types;
    for (const auto& e : network.entities()) network_types.insert(e.type);
    std::vector<std::pair<std::string, double>> parsed;
    std::vector<Diagnostic> problems;
    for (const auto& text : overrides) {
        const auto eq = text.find('=');
        const std::string type = text.substr(0, eq);
        const auto value = eq == std::string::npos ? std::nullopt : parse_number(text.substr(eq + 1));
        if (eq == std::string::npos || type.empty()) {
            problems.push_back({{}, std::nullopt, {},
                                "--sigma: \"" + text + "\" is not type=value (e.g. lab=0.4)"});
        } else if (!value || !(*value > 0)) {
            problems.push_back({{}, std::nullopt, {},
                                "--sigma " + type + ": \"" + text.substr(eq + 1) +
                                    "\" is not a positive number (an annual asset volatility, "
                                    "e.g. 0.2)"});
        } else if (!network_types.count(type) && !is_known_entity_type(type)) {
            std::string message = "--sigma: unknown entity type \"" + type + "\" (expected one of " +
                                  std::string(entity_type_list()) + ")";
            problems.push_back({{}, std::nullopt, {}, std::move(message)});
        } else {
            parsed.emplace_back(type, *value);
        }
    }
    if (!problems.empty()) throw InputError(std::move(problems));
    std::vector<double> sigma;
    sigma.reserve(network.entity_count());
    for (const auto& e : network.entities()) {
        double s = default_sigma(e.type);
        for (const auto& [type, value] : parsed) {
            if (type == e.type) s = value;  // the last override of a type wins
        }
        sigma.push_back(s);
    }
    return sigma;
}

std::vector<double> monte_carlo_scale(const Network& network, const std::vector<double>& sigma,
                                      Model model) {
    std::vector<double> scale(sigma.size());
    for (std::size_t i = 0; i < sigma.size(); ++i) {
        scale[i] = model == Model::clearing
                       ? sigma[i]
                       : sigma[i] * leverage(network.entity(static_cast<EntityIndex>(i)));
    }
    return scale;
}

UniformShock::UniformShock(const Network& network, Model model,
                           const std::vector<bool>& candidates)
    : multiplier_(network.entity_count(), 0.0) {
    for (EntityIndex i = 0; i < network.entity_count(); ++i) {
        if (!candidates.empty() && !candidates[i]) continue;
        multiplier_[i] = model == Model::clearing ? 1.0 : leverage(network.entity(i));
    }
}

ShockVector UniformShock::operator()(double f) const {
    ShockVector shock(multiplier_.size());
    for (std::size_t i = 0; i < shock.size(); ++i) shock[i] = std::min(1.0, f * multiplier_[i]);
    return shock;
}

}  // namespace crashchain
