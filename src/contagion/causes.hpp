#pragma once
// Shared pieces of result assembly: who transmitted loss to whom, and defaults by round.

#include <span>
#include <vector>

#include "contagion/exposures.hpp"
#include "contagion/stress_result.hpp"

namespace crashchain {

/// For each source j and each i exposed to j, records that j transmitted X[i][j] * scale[j]
/// (scale empty = 1) to i; then sorts every entity's causes, largest first (ties by index).
void add_default_causes(StressResult& result, const SparseRows& exposed_to,
                        std::span<const EntityIndex> sources, std::span<const double> scale);

/// Sorts each entity's causes, largest loss first, ties by counterparty index.
void sort_causes(StressResult& result);

/// Defaulted entities grouped by round, rounds ascending, entities ascending by index.
[[nodiscard]] std::vector<RoundDefaults> rounds_from(const std::vector<EntityOutcome>& entities);

}  // namespace crashchain
