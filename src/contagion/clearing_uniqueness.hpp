#pragma once
// A proof that the Eisenberg–Noe clearing vector is unique, without computing the least one.
//
// For alpha = beta = 1 with external creditors pari passu, every clearing vector gives every
// entity the same equity (Eisenberg & Noe 2001, Lemma 5; the argument: equity is monotone in
// the payments, and total equity = sum e - sum of what goes to external creditors, which is
// antitone). So two clearing vectors p- <= p+ can differ only on Z, the entities with zero
// equity, and there the difference d solves d_Z = Pi_ZZ^T d_Z. If Pi restricted to Z has
// spectral radius below 1, d = 0 and p+ is the only clearing vector. That radius is the
// largest over the strongly connected components of the obligation graph on Z, and a
// component's is 1 exactly when each member owes all of its pbar to members of the same
// component (Perron–Frobenius: an irreducible substochastic block with one row below 1 has
// radius below 1); a single entity has radius 0 (no self-obligations, SPEC 6).
//
// This turns the least-vector computation (up to N rounds of linear solves over the giant
// component, ~21 s at 1M entities) into one SCC pass over Z. When it cannot prove uniqueness
// (a closed ring of zero-equity entities, or Rogers–Veraart costs, or senior external debt)
// the caller computes the least vector.

#include <span>

#include "contagion/exposures.hpp"

namespace crashchain {

/// True if no strongly connected group of entities in `zero_equity` owes all its obligations
/// within the group (up to a 1e-12 share of pbar): then, under Eisenberg–Noe with external
/// creditors pari passu, the clearing vector is unique. `zero_equity` may include more than
/// the entities with zero equity (the answer only gets more cautious), not fewer.
[[nodiscard]] bool no_closed_zero_equity_group(const Obligations& obligations,
                                               std::span<const double> pbar,
                                               std::span<const char> zero_equity);

}  // namespace crashchain
