#include "contagion/clearing.hpp"

#include <algorithm>
#include <cmath>

#include "contagion/causes.hpp"
#include "contagion/clearing_uniqueness.hpp"

namespace crashchain {
namespace {

/// Solvency is tested with this relative slack so that a tie reached through rounding
/// (e + inflow = pbar up to the last bit) stays solvent, as SPEC 6 says a tie is.
constexpr double kTieSlack = 1e-12;
/// A policy (pay zero / pay in full) changes only on a margin above rounding noise.
constexpr double kPolicySlack = 1e-13;

}  // namespace

ClearingEngine::ClearingEngine(const PreparedNetwork& prepared)
    : prepared_(prepared),
      obligations_(prepared.clearing.obligations),
      senior_(prepared.options.external == ExternalSeniority::senior),
      alpha_(prepared.options.alpha),
      beta_(prepared.options.beta),
      solver_(prepared.entity_count),
      affected_(prepared.entity_count) {
    const std::size_t n = prepared.entity_count;
    divisor_ = senior_ ? obligations_.network_owed : prepared.clearing.pbar;
    full_inflow_.assign(n, 0);
    for (EntityIndex i = 0; i < n; ++i) {
        double sum = 0;
        for (double owed : obligations_.by_creditor.values(i)) sum += owed;
        full_inflow_[i] = sum;
    }
}

bool ClearingEngine::solvent(EntityIndex i, double inflow) const {
    const double pbar = prepared_.clearing.pbar[i];
    return e_[i] + inflow >= pbar - kTieSlack * pbar;
}

double ClearingEngine::inflow(EntityIndex i, std::span<const double> r) const {
    const auto debtors = obligations_.by_creditor.columns(i);
    const auto owed = obligations_.by_creditor.values(i);
    double sum = 0;
    for (std::size_t k = 0; k < debtors.size(); ++k) sum += owed[k] * r[debtors[k]];
    return sum;
}

double ClearingEngine::affine(EntityIndex i, std::span<const double> r) const {
    return (constant_[i] + beta_ * inflow(i, r)) / divisor_[i];
}

void ClearingEngine::solve_defaulters(std::span<const EntityIndex> variables,
                                      std::vector<double>& r, std::vector<char>& zero,
                                      std::vector<char>* full) {
    // Policy iteration: each pass solves the linear system with the zero-payers (senior) and
    // the full-payers (least vector) fixed, then switches any entity whose formula says
    // otherwise. The value of the policies moves monotonically, so it settles in at most
    // |variables| passes; the cap only guards against rounding ping-pong.
    for (std::size_t pass = 0; pass <= variables.size() + 1; ++pass) {
        active_.clear();
        for (EntityIndex i : variables) {
            if (zero[i] != 0) {
                r[i] = 0;
            } else if (full != nullptr && (*full)[i] != 0) {
                r[i] = 1;
            } else {
                active_.push_back(i);
            }
        }
        solver_.solve(obligations_, divisor_, constant_, beta_, active_, r);
        bool changed = false;
        for (EntityIndex i : variables) {
            const bool capped = full != nullptr && (*full)[i] != 0;
            const double value = (zero[i] != 0 || capped) ? affine(i, r) : r[i];
            if (senior_ && !capped) {
                if (zero[i] != 0 && value > kPolicySlack) {
                    zero[i] = 0;
                    changed = true;
                } else if (zero[i] == 0 && value < -kPolicySlack) {
                    zero[i] = 1;
                    r[i] = 0;
                    changed = true;
                }
            }
            if (full != nullptr && zero[i] == 0) {
                auto& f = (*full)[i];
                if (f == 0 && value > 1 + kPolicySlack) {
                    f = 1;
                    changed = true;
                } else if (f != 0 && value < 1 - kPolicySlack) {
                    f = 0;
                    changed = true;
                }
            }
        }
        if (!changed) return;
    }
}

void ClearingEngine::run(std::span<const Shock> shock, bool full) {
    const std::size_t n = prepared_.entity_count;
    const auto& assets = prepared_.clearing.assets;
    const auto& liabilities = prepared_.clearing.liabilities;
    e_.assign(assets.begin(), assets.end());
    for (const auto& s : shock) e_[s.entity] = assets[s.entity] * (1 - s.fraction);
    constant_.resize(n);
    for (EntityIndex i = 0; i < n; ++i) {
        constant_[i] = alpha_ * e_[i] - (senior_ ? liabilities[i] : 0.0);
    }
    full_ = full;
    greatest();
    settle();
    if (full) {
        if (proven_unique()) {
            unique_ = true;
        } else {
            least();
        }
        residual_ = residual();
    }
}

void ClearingEngine::greatest() {
    const std::size_t n = prepared_.entity_count;
    r_.assign(n, 1);
    inflow_ = full_inflow_;
    in_default_.assign(n, 0);
    zero_.assign(n, 0);
    round_.assign(n, -1);
    defaulters_.clear();
    candidates_.resize(n);
    for (EntityIndex i = 0; i < n; ++i) candidates_[i] = i;
    int round = 0;
    while (true) {
        bool grew = false;
        for (EntityIndex i : candidates_) {
            if (in_default_[i] == 0 && !solvent(i, inflow_[i])) {
                in_default_[i] = 1;
                round_[i] = round;
                defaulters_.push_back(i);
                grew = true;
            }
        }
        if (!grew) break;
        variables_.clear();
        for (EntityIndex i : defaulters_) {
            if (divisor_[i] > 0) variables_.push_back(i);
        }
        sort_entities(variables_, n, bits_);
        solve_defaulters(variables_, r_, zero_, nullptr);
        // Only creditors of defaulters receive less than in full, and only those still
        // solvent need the test again; re-test just those.
        affected_.clear();
        for (EntityIndex j : variables_) {
            for (EntityIndex i : obligations_.by_debtor.columns(j)) {
                if (in_default_[i] == 0) affected_.insert(i);
            }
        }
        affected_.sort();
        candidates_.assign(affected_.list().begin(), affected_.list().end());
        for (EntityIndex i : candidates_) inflow_[i] = inflow(i, r_);
        ++round;
    }
    rounds_ = round;
    sort_entities(defaulters_, n, bits_);
    // A defaulter's inflow is read only by settle: once, from the final r. (A defaulter no
    // defaulted debtor owes gets sum L * 1.0, the bits of full_inflow_.)
    for (EntityIndex i : defaulters_) inflow_[i] = inflow(i, r_);
}

void ClearingEngine::settle() {
    const std::size_t n = prepared_.entity_count;
    const auto& pbar = prepared_.clearing.pbar;
    const auto& liabilities = prepared_.clearing.liabilities;
    payment_.assign(n, 0);
    equity_.assign(n, 0);
    external_paid_.assign(n, 0);
    for (EntityIndex i = 0; i < n; ++i) {
        if (in_default_[i] == 0) {
            payment_[i] = pbar[i];
            external_paid_[i] = liabilities[i];
            equity_[i] = std::max(0.0, e_[i] + inflow_[i] - pbar[i]);
            continue;
        }
        if (senior_) {
            // External creditors first, then the network pro rata with what is left.
            const double available = std::max(0.0, alpha_ * e_[i] + beta_ * inflow_[i]);
            external_paid_[i] = std::min(liabilities[i], available);
            const double network = divisor_[i] > 0 ? r_[i] * divisor_[i] : 0.0;
            payment_[i] = external_paid_[i] + network;
        } else {
            payment_[i] = r_[i] * pbar[i];
            external_paid_[i] = pbar[i] > 0 ? payment_[i] * liabilities[i] / pbar[i] : 0.0;
        }
    }
}

bool ClearingEngine::proven_unique() {
    if (alpha_ != 1 || beta_ != 1 || senior_) return false;
    const auto& pbar = prepared_.clearing.pbar;
    const std::size_t n = prepared_.entity_count;
    // Zero equity: the defaulters, and solvent entities whose equity is within rounding of 0
    // (a wider set only makes the proof more cautious).
    zero_equity_.assign(n, 0);
    for (EntityIndex i = 0; i < n; ++i) {
        zero_equity_[i] = static_cast<char>(in_default_[i] != 0 ||
                                            equity_[i] <= kUniqueTolerance * pbar[i]);
    }
    return no_closed_zero_equity_group(obligations_, pbar, zero_equity_);
}

void ClearingEngine::least() {
    const std::size_t n = prepared_.entity_count;
    const auto& pbar = prepared_.clearing.pbar;
    least_r_.assign(n, 0);
    least_inflow_.assign(n, 0);
    least_solvent_.assign(n, 0);
    least_zero_.assign(n, 0);
    least_full_.assign(n, 0);
    for (EntityIndex i = 0; i < n; ++i) {
        if (solvent(i, 0)) {
            least_solvent_[i] = 1;
            least_r_[i] = 1;
        }
    }
    std::vector<EntityIndex> variables;
    for (std::size_t pass = 0; pass <= n; ++pass) {
        variables.clear();
        for (EntityIndex i = 0; i < n; ++i) {
            if (least_solvent_[i] == 0 && divisor_[i] > 0) variables.push_back(i);
        }
        solve_defaulters(variables, least_r_, least_zero_, &least_full_);
        bool grew = false;
        for (EntityIndex i = 0; i < n; ++i) {
            least_inflow_[i] = inflow(i, least_r_);
            if (least_solvent_[i] == 0 && solvent(i, least_inflow_[i])) {
                least_solvent_[i] = 1;
                least_r_[i] = 1;
                grew = true;
            }
        }
        if (!grew) break;
    }
    unique_ = true;
    for (EntityIndex i = 0; i < n && unique_; ++i) {
        if (pbar[i] <= 0) continue;
        const double least_payment =
            least_solvent_[i] != 0 ? pbar[i] : alpha_ * e_[i] + beta_ * least_inflow_[i];
        unique_ = std::fabs(payment_[i] - least_payment) <= kUniqueTolerance * pbar[i];
    }
}

double ClearingEngine::residual() const {
    // An independent check of the fixed-point equation at p (GAP-style verifier): inflows are
    // recomputed from the payments, the branch is re-decided, and the gap measured.
    const auto& pbar = prepared_.clearing.pbar;
    const auto& liabilities = prepared_.clearing.liabilities;
    double worst = 0;
    for (EntityIndex i = 0; i < prepared_.entity_count; ++i) {
        if (pbar[i] <= 0) continue;
        const double received = inflow(i, r_);
        const bool pays_in_full = solvent(i, received);
        const double available = alpha_ * e_[i] + beta_ * received;
        const double expected = pays_in_full ? pbar[i] : available;
        worst = std::max(worst, std::fabs(payment_[i] - expected) / pbar[i]);
        if (senior_ && divisor_[i] > 0) {
            const double network = r_[i] * divisor_[i];
            const double expected_network =
                pays_in_full ? divisor_[i]
                             : std::clamp(available - liabilities[i], 0.0, divisor_[i]);
            worst = std::max(worst, std::fabs(network - expected_network) / pbar[i]);
        }
    }
    return worst;
}

void ClearingEngine::digest(StressDigest& out) const {
    const auto& baseline = prepared_.clearing.baseline;
    out.defaulted = defaulters_;
    out.losses.clear();
    Dollars lost = 0;
    Dollars shortfall = 0;
    for (EntityIndex i = 0; i < prepared_.entity_count; ++i) {
        shortfall += prepared_.clearing.pbar[i] - payment_[i];
        if (baseline.equity.empty()) continue;
        const Dollars loss = std::max(0.0, baseline.equity[i] - equity_[i]);
        if (loss > 0) {
            out.losses.emplace_back(i, loss);
            lost += loss;
        }
    }
    out.capital_lost = lost;
    out.capital_lost_share = baseline.total_equity > 0 ? lost / baseline.total_equity : 0.0;
    out.debtrank.reset();
    out.shortfall = shortfall;
}

ClearingBaseline ClearingEngine::as_baseline() const {
    ClearingBaseline baseline;
    baseline.equity = equity_;
    baseline.defaulted = in_default_;
    for (double e : equity_) baseline.total_equity += e;
    baseline.defaults = defaulters_.size();
    return baseline;
}

StressResult ClearingEngine::result() const {
    const auto& pbar = prepared_.clearing.pbar;
    const auto& liabilities = prepared_.clearing.liabilities;
    const auto& baseline = prepared_.clearing.baseline;
    StressResult result;
    result.model = Model::clearing;
    result.entities.resize(prepared_.entity_count);
    Dollars shortfall = 0;
    Dollars external_loss = 0;
    Dollars lost = 0;
    for (EntityIndex i = 0; i < prepared_.entity_count; ++i) {
        auto& e = result.entities[i];
        e.entity = i;
        e.defaulted = in_default_[i] != 0;
        if (e.defaulted) e.round = round_[i];
        e.payment = payment_[i];
        e.obligations = pbar[i];
        e.recovery = pbar[i] > 0 ? payment_[i] / pbar[i] : 1.0;
        e.equity = equity_[i];
        shortfall += pbar[i] - payment_[i];
        external_loss += liabilities[i] - external_paid_[i];
        const double reference = baseline.equity.empty() ? equity_[i] : baseline.equity[i];
        const double loss = std::max(0.0, reference - equity_[i]);
        lost += loss;
        // Distressed: equity below its unshocked value by more than rounding.
        const bool distressed = loss > kUniqueTolerance * std::max(1.0, reference);
        e.status = e.defaulted   ? EntityStatus::defaulted
                   : distressed ? EntityStatus::distressed
                                : EntityStatus::solvent;
        // What each debtor in shortfall failed to pay i.
        const auto debtors = obligations_.by_creditor.columns(i);
        const auto owed = obligations_.by_creditor.values(i);
        for (std::size_t k = 0; k < debtors.size(); ++k) {
            const double missing = owed[k] * (1 - r_[debtors[k]]);
            if (missing > 0) e.causes.push_back({debtors[k], missing});
        }
    }
    sort_causes(result);
    result.rounds = rounds_from(result.entities);
    auto& s = result.summary;
    s.defaults = defaulters_.size();
    s.shortfall = shortfall;
    s.external_loss = external_loss;
    s.capital_lost = lost;
    s.capital_lost_share = baseline.total_equity > 0 ? lost / baseline.total_equity : 0.0;
    s.steps = static_cast<std::size_t>(rounds_);
    if (full_) {
        s.unique = unique_;
        s.residual = residual_;
    }
    return result;
}

}  // namespace crashchain
