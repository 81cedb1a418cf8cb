#pragma once
// Eisenberg-Noe clearing with Rogers-Veraart default costs — SPEC 3.3 and 6.
// L. Eisenberg, T. H. Noe, "Systemic risk in financial systems", Management Science 47(2), 2001;
// L. C. G. Rogers, L. A. M. Veraart, "Failure and rescue in an interbank network", Management
// Science 59(4), 2013. p_i = pbar_i if e_i + sum_j Pi[j][i] p_j >= pbar_i (a tie is solvent),
// else alpha*e_i + beta*sum_j Pi[j][i] p_j. External creditors rank pari passu with the network,
// or (`senior`) are paid first and the network gets what is left, pro rata.
//
// The greatest clearing vector comes from the greatest-clearing-vector (fictitious default)
// algorithm: start from full payment; each round adds the entities in default at the current
// payments (their `round`) and re-solves the payments of all defaulters exactly (see
// clearing_solver.hpp; with senior external debt, a policy iteration sets to zero the network
// payment of a defaulter whose assets do not cover its external debt). The least clearing
// vector comes from the increasing analogue: start from zero payments; each round adds the
// entities solvent at the current payments. Both run on recovery ratios r_i in [0,1] of what
// the network is owed by i.

#include <span>
#include <vector>

#include "contagion/clearing_solver.hpp"
#include "contagion/stress.hpp"
#include "contagion/workspace.hpp"

namespace crashchain {

class ClearingEngine {
public:
    /// Two clearing vectors agree when every payment differs by at most this share of pbar.
    static constexpr double kUniqueTolerance = 1e-9;

    explicit ClearingEngine(const PreparedNetwork& prepared);
    /// `full` adds the least clearing vector (for `unique`) and the residual check.
    void run(std::span<const Shock> shock, bool full);
    void digest(StressDigest& out) const;
    [[nodiscard]] StressResult result() const;
    /// This run as the unshocked reference (prepare() runs the engine without shock).
    [[nodiscard]] ClearingBaseline as_baseline() const;

private:
    [[nodiscard]] bool solvent(EntityIndex i, double inflow) const;
    [[nodiscard]] double inflow(EntityIndex i, std::span<const double> r) const;
    [[nodiscard]] double affine(EntityIndex i, std::span<const double> r) const;
    void solve_defaulters(std::span<const EntityIndex> variables, std::vector<double>& r,
                          std::vector<char>& zero, std::vector<char>* full);
    void greatest();
    void least();
    /// Eisenberg–Noe only: unique by the equity argument of clearing_uniqueness.hpp.
    [[nodiscard]] bool proven_unique();
    void settle();
    [[nodiscard]] double residual() const;

    const PreparedNetwork& prepared_;
    const Obligations& obligations_;
    bool senior_;
    double alpha_, beta_;
    std::vector<double> divisor_;      ///< what the network is owed by i: pbar (pari passu) or L_i
    std::vector<double> full_inflow_;  ///< sum_j L[j][i]
    ClearingSolver solver_;
    // Greatest clearing vector.
    std::vector<double> e_, constant_, r_, inflow_;
    std::vector<char> in_default_, zero_;
    std::vector<int> round_;
    std::vector<EntityIndex> defaulters_, variables_, active_, candidates_;
    TouchedSet affected_;
    int rounds_ = 0;
    // Settled outcome.
    std::vector<double> payment_, equity_, external_paid_;
    // Least clearing vector (full runs only).
    std::vector<double> least_r_, least_inflow_;
    std::vector<char> least_solvent_, least_zero_, least_full_;
    std::vector<char> zero_equity_;
    std::vector<std::uint64_t> bits_;  ///< sort_entities
    bool full_ = false;
    bool unique_ = true;
    double residual_ = 0;
};

}  // namespace crashchain
