#pragma once
// Scenario files (SPEC 3.4): named stages of shocks that accumulate. Parsed from text against a
// network, so every id, type and figure a shock needs is checked before any model runs; the
// losses they cause are computed in scenario_losses.hpp, the stages run in run_scenario.hpp.

#include <string>
#include <string_view>
#include <vector>

#include "model/network.hpp"

namespace crashchain {

enum class ShockType : unsigned char { default_, capital, valuation, slowdown, hardware };
[[nodiscard]] std::string_view to_string(ShockType type);

/// One shock of a stage. Which fields are used depends on the type:
/// default: entity; capital: entity, fraction; valuation and hardware: fraction and targets
/// (entities, or entity_types, or neither = every entity); slowdown: fraction, kinds.
struct ScenarioShock {
    ShockType type = ShockType::default_;
    std::string where;  ///< `stages[1].shocks[0]`, for messages
    double fraction = 1.0;
    EntityIndex entity = kNoEntity;
    std::vector<EntityIndex> entities;
    std::vector<std::string> entity_types;
    std::vector<ContractKind> kinds;

    /// valuation/hardware: which entities are targets (size = entity count).
    [[nodiscard]] std::vector<bool> target_mask(const Network& network) const;
};

struct ScenarioStage {
    std::string name;
    std::vector<ScenarioShock> shocks;
};

struct Scenario {
    std::string name;
    std::string description;
    std::vector<ScenarioStage> stages;
};

/// Parses and checks a scenario against the network. InputError listing every problem, each
/// naming `file`, the place (`stages[1].shocks[0]`) and what is expected.
[[nodiscard]] Scenario parse_scenario(std::string_view text, std::string_view file,
                                      const Network& network);

/// Reads the file and parses it (InputError if it cannot be read). The scenario's name defaults
/// to the file's stem.
[[nodiscard]] Scenario load_scenario(const std::string& path, const Network& network);

}  // namespace crashchain
