#pragma once
// Entry point of the contagion models (SPEC 3.1-3.3). Implementations: furfine.cpp,
// debtrank.cpp, linear_debtrank.cpp, clearing.cpp; exposures/obligations in exposures.hpp.

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "contagion/stress_result.hpp"
#include "model/network.hpp"

namespace crashchain {

enum class ExternalSeniority : unsigned char { pari_passu, senior };

struct StressOptions {
    Model model = Model::furfine;
    /// --lgd kind=v overrides of the kind table; per-contract lgd still wins (SPEC 6).
    std::array<std::optional<double>, kContractKindCount> lgd_override{};
    double alpha = 1.0;  ///< clearing: share of external assets recovered on default
    double beta = 1.0;   ///< clearing: share of interbank receipts recovered on default
    ExternalSeniority external = ExternalSeniority::pari_passu;
};

/// Initial shock: F_i in [0,1] per entity (size = entity count); 1 = default.
using ShockVector = std::vector<double>;

/// Parses `--default ID` and `--shock ID=F` into a ShockVector (InputError on unknown ids or
/// F outside (0,1]; "did you mean" suggestions).
[[nodiscard]] ShockVector make_shocks(const Network& network, const std::vector<std::string>& defaults,
                                      const std::vector<std::string>& shocks);

/// Runs one model once. InputError when the model needs a figure an entity lacks.
[[nodiscard]] StressResult run_stress(const Network& network, const ShockVector& shock,
                                      const StressOptions& options);

}  // namespace crashchain
