#pragma once
// DebtRank, single-hit (Battiston, Puliga, Kaushik, Tasca, Caldarelli, "DebtRank: too central to
// fail?", Scientific Reports 2, 541, 2012) — SPEC 3.2 and 6 — and linear DebtRank (Bardoscia,
// Battiston, Caccioli, Caldarelli, "DebtRank: a microscopic foundation for shock propagation",
// PLoS ONE 10(6), 2015) — SPEC 3.2b. W[i][j] = min(1, X[i][j]/C_i) (1 when C_i = 0).
// Single-hit: an entity propagates its distress once, in the step after it first becomes
// distressed (state D), then goes inactive (I) but keeps accumulating. Linear: every increment
// of distress propagates, until no h moves by more than 1e-13.

#include <span>
#include <vector>

#include "contagion/stress.hpp"
#include "contagion/workspace.hpp"

namespace crashchain {

/// h >= 1 - 1e-12 counts as default (SPEC 3.2).
inline constexpr double kDebtRankDefault = 1.0 - 1e-12;

class DebtRankEngine {
public:
    explicit DebtRankEngine(const PreparedNetwork& prepared);
    void run(std::span<const Shock> shock);
    void digest(StressDigest& out) const;
    [[nodiscard]] StressResult result() const;

private:
    enum class State : unsigned char { undistressed, distressed, inactive };
    const PreparedNetwork& prepared_;
    std::vector<double> h_, initial_, propagated_, incoming_;
    std::vector<int> first_step_;
    std::vector<State> state_;
    /// Entities reached in the current step; size n + 1 (the scatter writes one slot past the
    /// last listed entity).
    std::vector<EntityIndex> received_;
    std::vector<unsigned char> becomes_;  ///< dense steps: 1 for an entity turning D
    /// Entities in D at the current step; every entity with h > 0 passes through D once, so
    /// `propagators_` is also the list of entities this run touched.
    std::vector<EntityIndex> frontier_, next_, propagators_;
    mutable std::vector<EntityIndex> scratch_;
    std::vector<std::uint64_t> bits_;
    std::size_t steps_ = 0;
};

class LinearDebtRankEngine {
public:
    static constexpr double kTolerance = 1e-13;
    static constexpr std::size_t kMaxSteps = 100000;

    /// Fewest exposures a thread pulls or pushes in a step: ~0.1 ms of work against ~0.03 ms
    /// to start a thread.
    static constexpr std::uint64_t kMinPerThread = std::uint64_t{1} << 14;

    /// `threads` > 1 lets the large steps (see run) use that many threads, each taking at least
    /// `min_per_thread` exposures (tests lower it to split small networks); the result is the
    /// same for any count.
    explicit LinearDebtRankEngine(const PreparedNetwork& prepared, unsigned threads = 1,
                                  std::uint64_t min_per_thread = kMinPerThread);
    void run(std::span<const Shock> shock);
    void digest(StressDigest& out) const;
    [[nodiscard]] StressResult result() const;

private:
    /// A step's receivers in [begin, end) and what they did: those whose h moved (ascending),
    /// those touched for the first time in this run (any order), and the largest move.
    struct Part {
        std::size_t begin = 0, end = 0;
        std::vector<EntityIndex> moved, touched;
        double largest = 0;
        std::vector<std::uint64_t> bits;  ///< for sort_entities, sized up front
    };
    /// Runs `work(part)` for parts_[0..count), parts 1.. on threads of their own.
    template <class Work>
    void for_parts(std::size_t count, Work work);
    [[nodiscard]] double push_step(std::uint64_t pushes, int step);
    void push_part(Part& part, std::size_t begin, std::size_t end, EntityIndex* received,
                   bool dense, int step);
    void pull_part(Part& part, int step);
    /// Adds `in` to h_i (capped at 1), records i in `part` and its move in spare_delta_.
    void absorb(EntityIndex i, double in, int step, Part& part);
    /// Ends a step run on `parts` parts: the moves become delta_, the parts' lists go to next_
    /// and touched_. Returns the largest move.
    double finish_step(std::size_t parts);

    const PreparedNetwork& prepared_;
    /// delta_: what each active entity's h moved in the last step (0 elsewhere). A step reads
    /// it and writes the new moves to spare_delta_ (all 0 between steps); then they swap.
    std::vector<double> h_, initial_, delta_, spare_delta_, incoming_;
    std::vector<int> first_step_;
    TouchedSet touched_;
    /// As in DebtRankEngine; size n + parts, part t listing its receivers from begin + t.
    std::vector<EntityIndex> received_;
    std::vector<EntityIndex> active_, next_;
    std::vector<Part> parts_;  ///< one per thread; parts_[0] also serves one-thread steps
    std::uint64_t min_per_thread_;
    mutable std::vector<EntityIndex> scratch_;
    std::size_t steps_ = 0;
    bool converged_ = true;
};

/// Shared by both engines: digest from final h, initial h (the shock) and the entities with
/// h > 0 (any order; `scratch` is reused to sort them).
void debtrank_digest(const PreparedNetwork& prepared, std::span<const double> h,
                     std::span<const double> initial, std::span<const EntityIndex> reached,
                     std::vector<EntityIndex>& scratch, StressDigest& out);

/// Shared by both engines: per-entity h, capital lost, round = first_step - 1, default; causes
/// X[i][j] * scale[j] from every source j; summary with debtrank.
[[nodiscard]] StressResult debtrank_result(Model model, const PreparedNetwork& prepared,
                                           std::span<const double> h,
                                           std::span<const double> initial,
                                           std::span<const int> first_step,
                                           std::span<const EntityIndex> sources,
                                           std::span<const double> scale);

}  // namespace crashchain
