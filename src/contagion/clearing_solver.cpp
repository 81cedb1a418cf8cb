#include "contagion/clearing_solver.hpp"

#include <algorithm>
#include <cmath>

#include "circularity/pearce_scc.hpp"
#include "contagion/workspace.hpp"

namespace crashchain {

ClearingSolver::ClearingSolver(std::size_t entities)
    : local_(entities, -1), member_pos_(entities, -1) {}

void ClearingSolver::solve(const Obligations& obligations, std::span<const double> divisor,
                           std::span<const double> constant, double beta,
                           std::span<const EntityIndex> variables, std::span<double> r) {
    for (std::size_t k = 0; k < variables.size(); ++k) local_[variables[k]] = static_cast<int>(k);
    find_components(obligations.by_creditor, variables);
    for (EntityIndex v : variables) local_[v] = -1;
    std::size_t begin = 0;
    for (std::size_t end : component_end_) {
        const std::span<EntityIndex> members(order_.data() + begin, end - begin);
        // A canonical order for the sweeps (linear-time for a large component).
        sort_entities(members.data(), members.size(), local_.size(), bits_);
        solve_component(obligations, divisor, constant, beta, members, r);
        begin = end;
    }
}

void ClearingSolver::find_components(const SparseRows& by_creditor,
                                     std::span<const EntityIndex> variables) {
    // Components of "i depends on j" (j owes i, both variables), by Pearce's search on a
    // compact graph of positions. Labels count completed components, and a component
    // completes after every component it depends on: that is the order in which to solve them.
    const std::size_t m = variables.size();
    offsets_.assign(m + 1, 0);
    targets_.clear();
    for (std::size_t k = 0; k < m; ++k) {
        for (EntityIndex debtor : by_creditor.columns(variables[k])) {
            const int w = local_[debtor];
            if (w >= 0) targets_.push_back(static_cast<std::uint32_t>(w));
        }
        offsets_[k + 1] = static_cast<std::uint32_t>(targets_.size());
    }
    const ComponentLabels components = pearce_components(offsets_, targets_);
    // Group the variables by label (a counting sort): component c is order_[end[c-1], end[c]).
    component_end_.assign(components.count, 0);
    for (std::uint32_t label : components.label) ++component_end_[label];
    std::size_t sum = 0;
    for (auto& end : component_end_) {
        sum += end;
        end = sum;
    }
    order_.resize(m);
    for (std::size_t k = m; k-- > 0;) {
        order_[--component_end_[components.label[k]]] = variables[k];
    }
    for (std::size_t c = 0; c < component_end_.size(); ++c) {
        component_end_[c] = c + 1 < component_end_.size() ? component_end_[c + 1] : m;
    }
}

void ClearingSolver::solve_component(const Obligations& obligations,
                                     std::span<const double> divisor,
                                     std::span<const double> constant, double beta,
                                     std::span<const EntityIndex> members, std::span<double> r) {
    const SparseRows& by_creditor = obligations.by_creditor;
    if (members.size() == 1) {
        // No self-loops (SPEC 6), so one entity depends only on values already known.
        const EntityIndex i = members[0];
        double sum = constant[i];
        const auto debtors = by_creditor.columns(i);
        const auto owed = by_creditor.values(i);
        for (std::size_t k = 0; k < debtors.size(); ++k) sum += beta * owed[k] * r[debtors[k]];
        r[i] = sum / divisor[i];
        return;
    }
    const std::size_t m = members.size();
    for (std::size_t k = 0; k < m; ++k) member_pos_[members[k]] = static_cast<int>(k);
    row_start_.assign(1, 0);
    row_col_.clear();
    row_coef_.clear();
    rhs_.assign(m, 0);
    for (std::size_t k = 0; k < m; ++k) {
        const EntityIndex i = members[k];
        double b = constant[i];
        const auto debtors = by_creditor.columns(i);
        const auto owed = by_creditor.values(i);
        for (std::size_t e = 0; e < debtors.size(); ++e) {
            const int pos = member_pos_[debtors[e]];
            if (pos >= 0) {
                row_col_.push_back(pos);
                row_coef_.push_back(beta * owed[e]);
            } else {
                b += beta * owed[e] * r[debtors[e]];
            }
        }
        rhs_[k] = b;
        row_start_.push_back(row_col_.size());
    }
    const bool singular = closed(obligations.by_debtor, divisor, beta, members);
    if (!singular && m <= kDenseLimit) {
        dense_lu(members, divisor, r);
    } else if (!gauss_seidel(members, divisor, r) && !singular && m <= kDenseFallback) {
        dense_lu(members, divisor, r);
    }
    for (EntityIndex i : members) member_pos_[i] = -1;
}

bool ClearingSolver::closed(const SparseRows& by_debtor, std::span<const double> divisor,
                            double beta, std::span<const EntityIndex> members) const {
    // The matrix is singular exactly when no member's obligations leak out of the component:
    // beta times what each member owes inside it is its whole divisor. Summed row by row (what
    // member k owes, ascending creditor), member by member until one leaks, which is usually
    // the first: a column sum accumulated while building the rows cost a random
    // read-modify-write per coefficient, a third of the round at 1M entities.
    for (const EntityIndex debtor : members) {
        const auto creditors = by_debtor.columns(debtor);
        const auto owed = by_debtor.values(debtor);
        double inside = 0;
        for (std::size_t e = 0; e < creditors.size(); ++e) {
            if (member_pos_[creditors[e]] >= 0) inside += beta * owed[e];
        }
        const double d = divisor[debtor];
        if (d - inside > 1e-12 * d) return false;
    }
    return true;
}

bool ClearingSolver::gauss_seidel(std::span<const EntityIndex> members,
                                  std::span<const double> divisor, std::span<double> r) {
    const std::size_t m = members.size();
    // Work cap: enough sweeps for any sensible contraction, bounded for huge components.
    const std::size_t work = m + row_col_.size();
    const std::size_t max_sweeps =
        std::min<std::size_t>(kMaxSweeps, std::max<std::size_t>(2000, 400'000'000 / work));
    // The sweeps run on copies by position in the component: one random read per coefficient
    // (x[col]) instead of two (r[members[col]]), over an array the size of the component.
    x_.resize(m);
    diagonal_.resize(m);
    for (std::size_t k = 0; k < m; ++k) {
        x_[k] = r[members[k]];
        diagonal_[k] = divisor[members[k]];
    }
    double* const x = x_.data();
    const double* const d = diagonal_.data();
    const double* const rhs = rhs_.data();
    const std::uint64_t* const row_start = row_start_.data();
    const int* const row_col = row_col_.data();
    const double* const row_coef = row_coef_.data();
    auto in_component = [&](std::size_t k) {
        double sum = 0;
        for (std::uint64_t e = row_start[k]; e < row_start[k + 1]; ++e) {
            sum += row_coef[e] * x[row_col[e]];
        }
        return sum;
    };
    bool converged = false;
    for (std::size_t sweep = 1; sweep <= max_sweeps; ++sweep) {
        double moved = 0;
        for (std::size_t k = 0; k < m; ++k) {
            const double updated = (rhs[k] + in_component(k)) / d[k];
            moved = std::max(moved, std::fabs(updated - x[k]));
            x[k] = updated;
        }
        if (moved == 0 || sweep % 8 == 0 || sweep == max_sweeps) {
            double residual = 0;
            for (std::size_t k = 0; k < m; ++k) {
                residual = std::max(residual,
                                    std::fabs(d[k] * x[k] - in_component(k) - rhs[k]) / d[k]);
            }
            if (residual <= kResidualTarget) {
                converged = true;
                break;
            }
            if (moved == 0) break;  // stalled above the target: rounding noise
        }
    }
    for (std::size_t k = 0; k < m; ++k) r[members[k]] = x[k];
    return converged;
}

void ClearingSolver::dense_lu(std::span<const EntityIndex> members, std::span<const double> divisor,
                              std::span<double> r) {
    const std::size_t m = members.size();
    dense_.assign(m * m, 0);
    auto a = [&](std::size_t row, std::size_t col) -> double& { return dense_[row * m + col]; };
    dense_rhs_.assign(rhs_.begin(), rhs_.begin() + static_cast<std::ptrdiff_t>(m));
    auto& b = dense_rhs_;
    for (std::size_t k = 0; k < m; ++k) {
        a(k, k) = divisor[members[k]];
        for (std::uint64_t e = row_start_[k]; e < row_start_[k + 1]; ++e) {
            a(k, static_cast<std::size_t>(row_col_[e])) -= row_coef_[e];
        }
    }
    // Gaussian elimination with partial pivoting.
    for (std::size_t col = 0; col < m; ++col) {
        std::size_t pivot = col;
        for (std::size_t row = col + 1; row < m; ++row) {
            if (std::fabs(a(row, col)) > std::fabs(a(pivot, col))) pivot = row;
        }
        if (pivot != col) {
            for (std::size_t c = 0; c < m; ++c) std::swap(a(col, c), a(pivot, c));
            std::swap(b[col], b[pivot]);
        }
        const double p = a(col, col);
        if (p == 0) continue;  // cannot happen for a nonsingular M-matrix; keep r finite
        for (std::size_t row = col + 1; row < m; ++row) {
            const double factor = a(row, col) / p;
            if (factor == 0) continue;
            for (std::size_t c = col; c < m; ++c) a(row, c) -= factor * a(col, c);
            b[row] -= factor * b[col];
        }
    }
    for (std::size_t k = m; k-- > 0;) {
        double sum = b[k];
        for (std::size_t c = k + 1; c < m; ++c) sum -= a(k, c) * r[members[c]];
        r[members[k]] = a(k, k) != 0 ? sum / a(k, k) : r[members[k]];
    }
}

}  // namespace crashchain
