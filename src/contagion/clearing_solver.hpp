#pragma once
// The linear solve inside each round of the clearing algorithms: for the variables i in V,
//     d_i r_i - beta * sum_{j in V} L[j][i] r_j = c_i + beta * sum_{j not in V} L[j][i] r_j,
// where r_j is a recovery ratio and L[j][i] what j owes i. The matrix is an M-matrix, weakly
// diagonally dominant by columns (a debtor cannot pay out more than it owes).
//
// Method: the dependency graph on V is split into strongly connected components (Pearce's
// variant of Tarjan, circularity/pearce_scc.hpp), solved in dependency order. A single entity
// is one division. A component of up to kDenseLimit entities is solved by dense LU with
// partial pivoting (exact up to rounding). A larger one, or a singular one (a closed ring of
// defaulters with no leakage, where the solution is not unique), is solved by Gauss-Seidel
// started from the current r: the iteration is monotone for an M-matrix, so from an upper
// (lower) bound it converges to the greatest (least) solution. It runs until the relative
// residual is below kResidualTarget; a nonsingular component up to kDenseFallback entities
// that Gauss-Seidel cannot finish goes to dense LU. Callers verify the final clearing vector
// against the fixed-point equation.

#include <cstdint>
#include <span>
#include <vector>

#include "contagion/exposures.hpp"

namespace crashchain {

class ClearingSolver {
public:
    static constexpr std::size_t kDenseLimit = 384;
    static constexpr std::size_t kDenseFallback = 2048;
    static constexpr double kResidualTarget = 1e-14;
    static constexpr std::size_t kMaxSweeps = 200000;

    explicit ClearingSolver(std::size_t entities);

    /// Solves for r on `variables`; other entries of r are the fixed values. On entry r holds
    /// the starting point for the variables.
    void solve(const Obligations& obligations, std::span<const double> divisor,
               std::span<const double> constant, double beta,
               std::span<const EntityIndex> variables, std::span<double> r);

private:
    void find_components(const SparseRows& by_creditor, std::span<const EntityIndex> variables);
    void solve_component(const Obligations& obligations, std::span<const double> divisor,
                         std::span<const double> constant, double beta,
                         std::span<const EntityIndex> members, std::span<double> r);
    /// True when no member's obligations leak out of the component (member_pos_ set).
    [[nodiscard]] bool closed(const SparseRows& by_debtor, std::span<const double> divisor,
                              double beta, std::span<const EntityIndex> members) const;
    bool gauss_seidel(std::span<const EntityIndex> members, std::span<const double> divisor,
                      std::span<double> r);
    void dense_lu(std::span<const EntityIndex> members, std::span<const double> divisor,
                  std::span<double> r);

    std::vector<int> local_;  ///< entity -> position among the variables, or -1
    // The dependency graph on the variables' positions, for the component search.
    std::vector<std::uint32_t> offsets_, targets_;
    std::vector<EntityIndex> order_;        ///< variables grouped by component, dependencies first
    std::vector<std::size_t> component_end_;
    // Current component: local rows of in-component coefficients and right-hand sides.
    std::vector<int> member_pos_;           ///< entity -> position in the component, or -1
    std::vector<std::uint64_t> row_start_;
    std::vector<int> row_col_;
    std::vector<double> row_coef_;
    std::vector<double> rhs_;
    std::vector<double> x_, diagonal_;  ///< Gauss-Seidel: r and divisor by position
    std::vector<std::uint64_t> bits_;   ///< sort_entities
    std::vector<double> dense_rhs_;
    std::vector<double> dense_;
};

}  // namespace crashchain
