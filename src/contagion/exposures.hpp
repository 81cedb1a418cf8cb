#pragma once
// Exposures X (SPEC 1.5) and obligations L (SPEC 1.6) as compressed sparse rows, built once
// from the kind table. Self-loops never count (SPEC 6); parallel contracts are summed.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "model/network.hpp"

namespace crashchain {

/// `--lgd kind=v` overrides, indexed by ContractKind.
using LgdOverrides = std::array<std::optional<double>, kContractKindCount>;

/// Loss given default of one contract: its own `lgd`, else the override, else the kind default.
[[nodiscard]] double effective_lgd(const Contract& contract, const LgdOverrides& overrides);

/// The entity that loses when the other end of the contract fails, and that other end.
struct ExposurePair {
    EntityIndex exposed;
    EntityIndex counterparty;
};
[[nodiscard]] ExposurePair exposure_pair(const Contract& contract);

/// A sparse matrix by rows: row r holds (column, value) entries sorted by column, no duplicates.
struct SparseRows {
    std::vector<std::uint64_t> start;  ///< size rows + 1
    std::vector<EntityIndex> column;
    std::vector<double> value;

    [[nodiscard]] std::size_t rows() const { return start.empty() ? 0 : start.size() - 1; }
    [[nodiscard]] std::size_t entries() const { return column.size(); }
    [[nodiscard]] std::span<const EntityIndex> columns(std::size_t row) const {
        return {column.data() + start[row], column.data() + start[row + 1]};
    }
    [[nodiscard]] std::span<const double> values(std::size_t row) const {
        return {value.data() + start[row], value.data() + start[row + 1]};
    }
    /// The value at (row, col), or 0 (binary search; for reports and tests).
    [[nodiscard]] double at(std::size_t row, EntityIndex col) const;
};

/// One nonzero of a matrix being assembled.
struct Triplet {
    EntityIndex row;
    EntityIndex column;
    double value;
};

/// Builds rows from triplets; duplicates are summed in triplet order (so the sum is
/// reproducible), zero results are dropped.
[[nodiscard]] SparseRows build_rows(std::size_t rows, const std::vector<Triplet>& triplets);

/// The transpose (rows become columns), keeping values.
[[nodiscard]] SparseRows transpose(const SparseRows& matrix, std::size_t columns);
/// The transpose of `matrix`'s pattern carrying `values` (parallel to `matrix.column`) instead
/// of its own. Within a transposed row, entries come by ascending original row.
[[nodiscard]] SparseRows transpose(const SparseRows& matrix, std::span<const double> values,
                                   std::size_t columns);

/// Exposures by counterparty: row j lists the entities i exposed to j with X[i][j] > 0.
/// InputError when a sum overflows to infinity.
[[nodiscard]] SparseRows build_exposures(const Network& network, const LgdOverrides& overrides);

/// Obligations L[i][j] (what i owes j), both directions.
struct Obligations {
    SparseRows by_debtor;    ///< row i: creditors j, L[i][j]
    SparseRows by_creditor;  ///< row j: debtors i, L[i][j]
    std::vector<Dollars> network_owed;  ///< sum_j L[i][j]
};
/// InputError when a sum overflows to infinity.
[[nodiscard]] Obligations build_obligations(const Network& network);

}  // namespace crashchain
