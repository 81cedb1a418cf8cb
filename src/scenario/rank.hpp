#pragma once
// `crashchain rank`: every entity defaulted alone (SPEC 5), to rank systemic impact (what its
// default does to the others) and vulnerability (how many single defaults bring it down).
// Runs are independent, spread over threads; each run is deterministic and the merge is by
// entity, so the result does not depend on the thread count.

#include <optional>
#include <vector>

#include "contagion/stress.hpp"

namespace crashchain {

struct RankOptions {
    std::size_t top = 0;       ///< entries to keep after sorting; 0 = all
    unsigned threads = 0;      ///< 0 = every core; more than the cores counts as the cores
};

struct RankEntry {
    EntityIndex entity = kNoEntity;
    /// Other entities in default after its default that are not in default without any shock.
    std::size_t defaults_caused = 0;
    Dollars capital_lost = 0;       ///< system total, its own loss included
    double capital_lost_share = 0;  ///< of the system's capital (clearing: unshocked equity)
    /// Share lost by the other entities; equals DebtRank for the DebtRank models. The sort key.
    double impact = 0;
    std::optional<double> debtrank;    ///< debtrank, linear-debtrank
    std::optional<Dollars> shortfall;  ///< clearing
    /// Number of other entities whose default alone puts this one in default.
    std::size_t vulnerability = 0;
};

struct RankResult {
    Model model = Model::furfine;
    std::size_t entity_count = 0;
    /// By impact descending, then defaults caused descending, then id ascending.
    std::vector<RankEntry> entries;
};

/// `network` must be the one `prepared` was built from (ids break ties).
[[nodiscard]] RankResult rank_entities(const Network& network, const PreparedNetwork& prepared,
                                       const RankOptions& options);

}  // namespace crashchain
