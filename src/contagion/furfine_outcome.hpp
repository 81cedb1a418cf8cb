#pragma once
// Furfine (2003) cascade, SPEC 3.1, reduced to what Monte Carlo keeps of a run: who defaults
// and capital_lost_share. Equal to FurfineEngine's digest of the same shock (same defaults,
// same share to the last bit), by a cheaper route for the dense shocks and system-wide
// cascades of Monte Carlo:
// - the shock is read densely (about half the entities are shocked in a scenario);
// - each round is run either by pushing the new defaults' rows (few defaults) or by pulling,
//   for every entity still standing, its exposures to the new defaults (few survivors), as in
//   direction-optimising BFS (Beamer, Asanovic & Patterson, SC 2012). A survivor's loss adds
//   the same exposures in the same order either way (ascending counterparty within a round);
// - a defaulted entity's loss no longer matters: its capital lost is C_i whatever it is
//   (loss >= C_i); its threshold becomes NaN, which no later push reaches;
// - the hot loops are branch-free where the branch is a coin toss (a pull adds masked
//   amounts; a push lists every entity at or over its threshold, repeats removed afterwards),
//   and pulls visit the standing entities by row length so the row loops' exits are predicted.

#include <cstdint>
#include <span>
#include <vector>

#include "contagion/stress.hpp"

namespace crashchain {

class FurfineOutcome {
public:
    explicit FurfineOutcome(const PreparedNetwork& prepared);

    /// Runs the cascade of shock F (one fraction in [0, 1] per entity, 0 = unshocked) and
    /// returns the defaulted entities ascending and capital_lost_share.
    void run(std::span<const double> fraction, std::vector<EntityIndex>& defaulted,
             double& capital_lost_share);

private:
    /// A round by pushing: every exposure to a default of the last round.
    void push_round();
    /// A round by pulling: every entity still standing sums its exposures to the defaults of
    /// the last round (ascending counterparty, as the pushes add them).
    void pull_round();
    /// Lists the standing entities in standing_: from by_row_length_, or by dropping from
    /// standing_ the entities that defaulted since it was listed.
    void list_standing(bool from_scratch);
    /// (out-row length, in-row length) of an entity, or summed over entities: the exposures a
    /// push of them reads, and those a pull no longer reads. One 16-byte load and add.
    using Lengths = std::uint64_t __attribute__((vector_size(16)));
    /// Records the frontier (this round's defaults) as in default; returns its Lengths.
    Lengths mark_defaults();

    const PreparedNetwork& prepared_;
    SparseRows exposures_of_;        ///< row i: (j, X[i][j]), the transpose of exposed_to
    /// The running loss (>= C once in default) and the level at which the entity defaults,
    /// NaN once it has (the only record of a default). Two arrays, not one of pairs: an
    /// entity's entry is then addressed by its index times 8, which x86 does in the load,
    /// where a 16-byte pair costs a shift and an add per push (the arrays stay in cache at
    /// the sizes Monte Carlo runs on).
    std::vector<Dollars> loss_;
    std::vector<double> threshold_;
    std::vector<double> threshold_of_;  ///< C_i, or the least positive double for C_i = 0
    std::vector<Lengths> lengths_;      ///< per entity
    [[nodiscard]] std::span<const EntityIndex> frontier() const {
        return {frontier_.data(), frontier_size_};
    }

    /// Buffers used up to the counts (branch-free writes go one slot past the last entry):
    /// entities standing (by row length; listed before a pull round; n + 1), the defaults of
    /// the last round (ascending after a push, in standing_'s order after a pull), and a
    /// push round's listings in push order, with repeats, or a pull round's defaults (these
    /// two swap after a pull; both max(n, exposures) + 1).
    std::vector<EntityIndex> standing_, frontier_, newly_;
    std::size_t standing_size_ = 0;
    std::size_t frontier_size_ = 0;
    std::vector<std::uint64_t> bits_;
    std::vector<EntityIndex> by_row_length_;  ///< entities by exposures_of_ row length
    std::vector<std::uint64_t> last_round_mask_;  ///< all ones for last round's defaults,
                                                  ///< else 0
};

}  // namespace crashchain
