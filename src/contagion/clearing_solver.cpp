#include "contagion/clearing_solver.hpp"

#include <algorithm>
#include <cmath>

namespace crashchain {

ClearingSolver::ClearingSolver(std::size_t entities)
    : local_(entities, -1), member_pos_(entities, -1) {}

void ClearingSolver::solve(const SparseRows& by_creditor, std::span<const double> divisor,
                           std::span<const double> constant, double beta,
                           std::span<const EntityIndex> variables, std::span<double> r) {
    for (std::size_t k = 0; k < variables.size(); ++k) local_[variables[k]] = static_cast<int>(k);
    find_components(by_creditor, variables);
    for (EntityIndex v : variables) local_[v] = -1;
    std::size_t begin = 0;
    for (std::size_t end : component_end_) {
        const std::span<EntityIndex> members(order_.data() + begin, end - begin);
        std::sort(members.begin(), members.end());  // a canonical order for the sweeps
        solve_component(by_creditor, divisor, constant, beta, members, r);
        begin = end;
    }
}

void ClearingSolver::find_components(const SparseRows& by_creditor,
                                     std::span<const EntityIndex> variables) {
    // Iterative Tarjan on "i depends on j" (j owes i, both variables). Components come out
    // after every component they depend on, which is the order in which to solve them.
    const std::size_t m = variables.size();
    index_.assign(m, -1);
    low_.assign(m, 0);
    on_stack_.assign(m, 0);
    stack_.clear();
    calls_.clear();
    order_.clear();
    component_end_.clear();
    int counter = 0;
    auto open = [&](int v) {
        index_[v] = low_[v] = counter++;
        stack_.push_back(v);
        on_stack_[v] = 1;
        calls_.emplace_back(v, by_creditor.start[variables[v]]);
    };
    for (std::size_t s = 0; s < m; ++s) {
        if (index_[s] != -1) continue;
        open(static_cast<int>(s));
        while (!calls_.empty()) {
            const int v = calls_.back().first;
            std::uint64_t k = calls_.back().second;
            const std::uint64_t end = by_creditor.start[variables[v] + 1];
            bool descended = false;
            while (k < end) {
                const int w = local_[by_creditor.column[k++]];
                if (w < 0) continue;
                if (index_[w] == -1) {
                    calls_.back().second = k;
                    open(w);
                    descended = true;
                    break;
                }
                if (on_stack_[w] != 0) low_[v] = std::min(low_[v], index_[w]);
            }
            if (descended) continue;
            if (low_[v] == index_[v]) {
                int w = -1;
                do {
                    w = stack_.back();
                    stack_.pop_back();
                    on_stack_[w] = 0;
                    order_.push_back(variables[w]);
                } while (w != v);
                component_end_.push_back(order_.size());
            }
            calls_.pop_back();
            if (!calls_.empty()) {
                const int parent = calls_.back().first;
                low_[parent] = std::min(low_[parent], low_[v]);
            }
        }
    }
}

void ClearingSolver::solve_component(const SparseRows& by_creditor,
                                     std::span<const double> divisor,
                                     std::span<const double> constant, double beta,
                                     std::span<const EntityIndex> members, std::span<double> r) {
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
    column_sum_.assign(m, 0);
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
                column_sum_[static_cast<std::size_t>(pos)] += beta * owed[e];
            } else {
                b += beta * owed[e] * r[debtors[e]];
            }
        }
        rhs_[k] = b;
        row_start_.push_back(row_col_.size());
    }
    // Singular exactly when no member's obligations leak out of the component.
    bool singular = true;
    for (std::size_t k = 0; k < m && singular; ++k) {
        const double d = divisor[members[k]];
        singular = d - column_sum_[k] <= 1e-12 * d;
    }
    if (!singular && m <= kDenseLimit) {
        dense_lu(members, divisor, r);
    } else if (!gauss_seidel(members, divisor, r) && !singular && m <= kDenseFallback) {
        dense_lu(members, divisor, r);
    }
    for (EntityIndex i : members) member_pos_[i] = -1;
}

bool ClearingSolver::gauss_seidel(std::span<const EntityIndex> members,
                                  std::span<const double> divisor, std::span<double> r) {
    const std::size_t m = members.size();
    // Work cap: enough sweeps for any sensible contraction, bounded for huge components.
    const std::size_t work = m + row_col_.size();
    const std::size_t max_sweeps =
        std::min<std::size_t>(kMaxSweeps, std::max<std::size_t>(2000, 400'000'000 / work));
    auto in_component = [&](std::size_t k) {
        double sum = 0;
        for (std::uint64_t e = row_start_[k]; e < row_start_[k + 1]; ++e) {
            sum += row_coef_[e] * r[members[static_cast<std::size_t>(row_col_[e])]];
        }
        return sum;
    };
    for (std::size_t sweep = 1; sweep <= max_sweeps; ++sweep) {
        double moved = 0;
        for (std::size_t k = 0; k < m; ++k) {
            const EntityIndex i = members[k];
            const double updated = (rhs_[k] + in_component(k)) / divisor[i];
            moved = std::max(moved, std::fabs(updated - r[i]));
            r[i] = updated;
        }
        if (moved == 0 || sweep % 8 == 0 || sweep == max_sweeps) {
            double residual = 0;
            for (std::size_t k = 0; k < m; ++k) {
                const EntityIndex i = members[k];
                const double d = divisor[i];
                residual = std::max(residual, std::fabs(d * r[i] - in_component(k) - rhs_[k]) / d);
            }
            if (residual <= kResidualTarget) return true;
            if (moved == 0) return false;  // stalled above the target: rounding noise
        }
    }
    return false;
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
