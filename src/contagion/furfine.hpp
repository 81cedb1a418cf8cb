#pragma once
// Furfine (2003) sequential default cascade — SPEC 3.1 and 6.
// C. H. Furfine, "Interbank exposures: quantifying the risk of contagion", Journal of Money,
// Credit and Banking 35(1), 2003. Round 0: shocked entities lose F_i*C_i and those with F_i = 1
// default; round t: an entity defaults when its loss (shock plus X[i][j] for every j defaulted in
// an earlier round) is positive and at least its capital. `loss` is the final, uncapped loss.

#include <span>
#include <vector>

#include "contagion/stress.hpp"
#include "contagion/workspace.hpp"

namespace crashchain {

class FurfineEngine {
public:
    explicit FurfineEngine(const PreparedNetwork& prepared);
    void run(std::span<const Shock> shock);
    void digest(StressDigest& out) const;
    [[nodiscard]] StressResult result() const;

private:
    /// Clears what the previous run set: every loss after a large cascade, else only the
    /// entries it can have touched.
    void reset();

    /// An entity's running loss and its default threshold: C_i while it is not in default,
    /// infinite once it is (one compare per push). Side by side: a push touches one line.
    struct Account {
        Dollars loss = 0;
        Dollars threshold = 0;
    };

    const PreparedNetwork& prepared_;
    std::vector<Account> account_;
    std::vector<int> round_;  ///< -1 = survives
    TouchedSet shocked_;
    std::vector<EntityIndex> defaulted_;  ///< in order of default; every entity with round >= 0
    std::vector<EntityIndex> frontier_, next_;
    /// Defaults of the current round; size n + 1 (the loop writes one slot past the last).
    std::vector<EntityIndex> newly_;
    std::uint64_t pushes_ = 0;  ///< exposures the run went through (sum of defaulted rows)
    mutable TouchedSet marks_;  ///< digest after a small cascade: who may have lost
    mutable std::vector<EntityIndex> scratch_;
    mutable std::vector<std::uint64_t> bits_;
    int rounds_ = 0;
};

}  // namespace crashchain
