#pragma once
// Independent dense references for the contagion property tests, written from SPEC 1.5, 1.6
// and 3 without the engine's sparse matrices or kind table: small networks only.

#include <algorithm>
#include <climits>
#include <cmath>
#include <vector>

#include "model/network.hpp"

namespace crashchain::reference {

using Matrix = std::vector<std::vector<double>>;

/// X[i][j] per SPEC 1.5 (default lgd table restated here on purpose).
inline Matrix exposures(const Network& net) {
    const std::size_t n = net.entity_count();
    Matrix x(n, std::vector<double>(n, 0));
    for (const auto& c : net.contracts()) {
        if (c.from == c.to) continue;
        double lgd = 0;
        bool source_exposed = true;
        switch (c.kind) {
            case ContractKind::equity: lgd = 1.0; break;
            case ContractKind::loan:
            case ContractKind::bond:
            case ContractKind::credit: lgd = 0.6; break;
            case ContractKind::lease: lgd = 0.5; source_exposed = false; break;
            case ContractKind::purchase: lgd = 0.3; source_exposed = false; break;
            case ContractKind::guarantee:
            case ContractKind::warrant: lgd = 1.0; source_exposed = false; break;
        }
        if (c.lgd) lgd = *c.lgd;
        if (source_exposed) {
            x[c.from][c.to] += c.amount * lgd;
        } else {
            x[c.to][c.from] += c.amount * lgd;
        }
    }
    return x;
}

/// L[i][j] per SPEC 1.6.
inline Matrix obligations(const Network& net) {
    const std::size_t n = net.entity_count();
    Matrix l(n, std::vector<double>(n, 0));
    for (const auto& c : net.contracts()) {
        if (c.from == c.to) continue;
        switch (c.kind) {
            case ContractKind::loan:
            case ContractKind::bond:
            case ContractKind::credit: l[c.to][c.from] += c.amount; break;
            case ContractKind::purchase:
            case ContractKind::lease: l[c.from][c.to] += c.amount; break;
            default: break;
        }
    }
    return l;
}

/// Furfine round by round (SPEC 3.1, 6): loss_i(t) = F_i C_i + sum of X[i][j] over every j
/// defaulted in a round before t. `round` is -1 for a survivor; `loss` is the final loss.
struct FurfineOutcome {
    std::vector<int> round;
    std::vector<double> loss;
};
inline FurfineOutcome furfine(const Matrix& x, const std::vector<double>& capital,
                              const std::vector<double>& shock) {
    const std::size_t n = capital.size();
    FurfineOutcome out{std::vector<int>(n, -1), std::vector<double>(n, 0)};
    auto loss_before = [&](std::size_t i, int t) {
        double loss = shock[i] * capital[i];
        for (std::size_t j = 0; j < n; ++j) {
            if (out.round[j] >= 0 && out.round[j] < t) loss += x[i][j];
        }
        return loss;
    };
    for (std::size_t i = 0; i < n; ++i) {
        if (shock[i] >= 1) out.round[i] = 0;
    }
    for (int t = 1;; ++t) {
        std::vector<std::size_t> newly;
        for (std::size_t i = 0; i < n; ++i) {
            if (out.round[i] >= 0) continue;
            const double loss = loss_before(i, t);
            if (loss > 0 && loss >= capital[i]) newly.push_back(i);
        }
        if (newly.empty()) break;
        for (std::size_t i : newly) out.round[i] = t;
    }
    for (std::size_t i = 0; i < n; ++i) out.loss[i] = loss_before(i, INT_MAX);
    return out;
}

/// Single-hit DebtRank step by step (SPEC 3.2); `history` receives h after every step.
inline std::vector<double> debtrank(const Matrix& x, const std::vector<double>& capital,
                                    const std::vector<double>& shock,
                                    std::vector<std::vector<double>>* history = nullptr) {
    const std::size_t n = capital.size();
    enum { U, D, I };
    std::vector<int> state(n, U);
    std::vector<double> h(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        h[i] = shock[i];
        if (h[i] > 0) state[i] = D;
    }
    if (history) history->push_back(h);
    auto w = [&](std::size_t i, std::size_t j) {
        if (x[i][j] <= 0) return 0.0;
        return capital[i] > 0 ? std::min(1.0, x[i][j] / capital[i]) : 1.0;
    };
    while (std::count(state.begin(), state.end(), D) > 0) {
        std::vector<double> next = h;
        for (std::size_t i = 0; i < n; ++i) {
            double sum = 0;
            for (std::size_t j = 0; j < n; ++j) {
                if (state[j] == D) sum += w(i, j) * h[j];
            }
            next[i] = std::min(1.0, h[i] + sum);
        }
        for (std::size_t i = 0; i < n; ++i) {
            if (state[i] == D) {
                state[i] = I;
            } else if (state[i] == U && next[i] > 0) {
                state[i] = D;
            }
        }
        h = next;
        if (history) history->push_back(h);
    }
    return h;
}

/// Linear DebtRank (SPEC 3.2b) by full matrix-vector steps.
inline std::vector<double> linear_debtrank(const Matrix& x, const std::vector<double>& capital,
                                           const std::vector<double>& shock) {
    const std::size_t n = capital.size();
    std::vector<double> before(n, 0), h = shock;
    for (int step = 0; step < 100000; ++step) {
        std::vector<double> next(n);
        double moved = 0;
        for (std::size_t i = 0; i < n; ++i) {
            double sum = 0;
            for (std::size_t j = 0; j < n; ++j) {
                if (x[i][j] <= 0) continue;
                const double w = capital[i] > 0 ? std::min(1.0, x[i][j] / capital[i]) : 1.0;
                sum += w * (h[j] - before[j]);
            }
            next[i] = std::min(1.0, h[i] + sum);
            moved = std::max(moved, std::fabs(next[i] - h[i]));
        }
        before = h;
        h = next;
        if (moved <= 1e-13) break;
    }
    return h;
}

/// Clearing by plain Picard iteration of the fixed-point map (SPEC 3.3) from `start_full`
/// (greatest: everyone pays in full) or from zero (least). Returns total payments p.
struct ClearingCase {
    Matrix l;
    std::vector<double> e, liabilities;
    double alpha = 1, beta = 1;
    bool senior = false;
};

inline std::vector<double> picard(const ClearingCase& c, bool start_full, int max_iterations) {
    const std::size_t n = c.e.size();
    std::vector<double> owed(n, 0), pbar(n);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j) owed[i] += c.l[i][j];
        pbar[i] = owed[i] + c.liabilities[i];
    }
    // q: what i pays the network; it is what the creditors in the network see.
    std::vector<double> q(n), p(n);
    for (std::size_t i = 0; i < n; ++i) q[i] = start_full ? owed[i] : 0.0;
    for (int it = 0; it < max_iterations; ++it) {
        std::vector<double> next(n);
        double moved = 0;
        for (std::size_t i = 0; i < n; ++i) {
            double inflow = 0;
            for (std::size_t j = 0; j < n; ++j) {
                if (c.l[j][i] > 0) inflow += c.l[j][i] / owed[j] * q[j];
            }
            const bool solvent = c.e[i] + inflow >= pbar[i];
            const double available = c.alpha * c.e[i] + c.beta * inflow;
            p[i] = solvent ? pbar[i] : available;
            if (solvent) {
                next[i] = owed[i];
            } else if (c.senior) {
                next[i] = std::clamp(available - c.liabilities[i], 0.0, owed[i]);
            } else {
                next[i] = pbar[i] > 0 ? available * owed[i] / pbar[i] : 0.0;
            }
            moved = std::max(moved, std::fabs(next[i] - q[i]));
        }
        q = next;
        if (moved == 0) break;
    }
    return p;
}

}  // namespace crashchain::reference
