#pragma once
// The plain result every contagion model returns (SPEC 3, 4); src/report formats it.

#include <optional>
#include <string_view>
#include <vector>

#include "core/types.hpp"

namespace crashchain {

enum class Model : unsigned char { furfine, debtrank, linear_debtrank, clearing };
[[nodiscard]] std::string_view to_string(Model model);  ///< `furfine`, `linear-debtrank`, ...
[[nodiscard]] std::optional<Model> parse_model(std::string_view text);

/// SPEC 4: `default`, `distressed` (lost something), `solvent`.
enum class EntityStatus : unsigned char { solvent, distressed, defaulted };
[[nodiscard]] std::string_view to_string(EntityStatus status);

/// A loss that reached an entity through one counterparty (the crash chain's "because").
struct Transmission {
    EntityIndex counterparty = kNoEntity;  ///< whose failure/distress caused the loss
    Dollars loss = 0;                      ///< summed over the contracts with that counterparty
};

/// Per-entity outcome. Fields a model does not define stay empty and are omitted from outputs.
struct EntityOutcome {
    EntityIndex entity = kNoEntity;
    EntityStatus status = EntityStatus::solvent;
    bool defaulted = false;
    std::optional<int> round;  ///< round of default (furfine, clearing) or of distress (debtrank)
    std::optional<Dollars> loss;
    std::optional<Dollars> capital;
    std::optional<Dollars> capital_lost;
    std::optional<double> h;  ///< DebtRank relative distress
    std::optional<Dollars> payment;
    std::optional<Dollars> obligations;
    std::optional<double> recovery;
    std::optional<Dollars> equity;
    /// Largest first: the exposures that pushed this entity over (or distressed it).
    std::vector<Transmission> causes;
};

struct RoundDefaults {
    int round = 0;
    std::vector<EntityIndex> defaults;  ///< ascending entity index (reports list them by id)
};

struct StressSummary {
    std::size_t defaults = 0;
    std::optional<Dollars> capital_lost;
    std::optional<double> capital_lost_share;
    std::optional<double> debtrank;
    std::optional<Dollars> shortfall;      ///< clearing
    std::optional<Dollars> external_loss;  ///< clearing
    std::optional<bool> unique;            ///< clearing: least == greatest clearing vector
    std::optional<double> residual;        ///< clearing: max relative fixed-point violation
    std::optional<bool> converged;         ///< linear-debtrank
    std::optional<std::size_t> steps;      ///< iterations / rounds used
};

struct StressResult {
    Model model = Model::furfine;
    std::vector<EntityOutcome> entities;  ///< one per entity, in network order
    std::vector<RoundDefaults> rounds;    ///< by round ascending
    StressSummary summary;
};

}  // namespace crashchain
