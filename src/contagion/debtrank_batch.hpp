#pragma once
// DebtRank of several single defaults at once, for `rank` (every entity defaulted alone):
// single-hit (Battiston et al. 2012; SPEC 3.2) or linear (Bardoscia et al. 2015; SPEC 3.2b), as
// the prepared model says. Lane l of a batch runs the default of sources[l]; the lanes step
// together, so one read of a row of W serves every lane in which that entity pushes at this
// step, and the pushes of the lanes go to one cache line per receiver.
//
// Every lane equals the single run of its source (DebtRankEngine, LinearDebtRankEngine) to the
// last bit: a lane adds the same nonzero terms in the same order (rows in ascending entity
// order, entries in row order); an entity that does not push in a lane pushes W * 0 = +0
// there, which changes no sum. Single-hit: an entity is undistressed exactly while its h is 0
// (h only grows, and h > 0 means D or I), so the lanes need no state besides h and the amount
// each entity propagates at this step. Linear: an entity pushes what its h moved at the last
// step; a lane whose largest move is within the tolerance has converged, and from then on it
// pushes nothing, as the single run stops there.
//
// The lane arithmetic runs two lanes per instruction (SSE2, every x86-64) or, where the CPU
// has AVX2, four. Both add and multiply lane by lane exactly as the scalar code would (no
// fused multiply-add), so the results are the same bits on any machine.

#include <array>
#include <span>
#include <vector>

#include "contagion/stress.hpp"

namespace crashchain {

class DebtRankBatch {
public:
    static constexpr std::size_t kLanes = 8;

    /// What rank needs from one single default, summed as DebtRankEngine::digest sums it.
    struct Summary {
        Dollars capital_lost = 0;  ///< sum_i h_i C_i, ascending i
        Dollars own_loss = 0;      ///< h_source C_source
        double debtrank = 0;       ///< sum_i (h_i - h_i(1)) C_i / total capital, ascending i
    };

    /// `wide`: use AVX2 where the CPU has it (false only to test the baseline path).
    explicit DebtRankBatch(const PreparedNetwork& prepared, bool wide = true);

    /// True if this batch runs the AVX2 kernels.
    [[nodiscard]] bool wide() const { return wide_; }

    /// Runs the single defaults of `sources` (1 to kLanes distinct entities), then fills
    /// summary[l] and defaulted[l] (ascending, the source included) for each lane, and leaves
    /// the buffers clean for the next batch.
    void run(std::span<const EntityIndex> sources, std::array<Summary, kLanes>& summary,
             std::array<std::vector<EntityIndex>, kLanes>& defaulted);

private:
    /// One value per lane; one cache line, aligned to it (a push touches one line).
    struct alignas(kLanes * sizeof(double)) Lanes : std::array<double, kLanes> {};

    /// The steps, then the summary, with V-wide lane arithmetic (defined in the .cpp).
    template <class V, bool kLinear>
    void propagate();
    template <class V>
    void summarize(std::span<const EntityIndex> sources, std::array<Summary, kLanes>& summary,
                   std::array<std::vector<EntityIndex>, kLanes>& defaulted);
    /// Pushes every frontier row; sparse steps list the receivers. Returns how many.
    template <class V>
    std::size_t push_rows(bool dense);
    /// push_rows with its two flags fixed at compile time (one loop per combination).
    template <class V, bool kDense, bool kPrefetch>
    std::size_t push_rows_as();
    template <class V, bool kLinear>
    void apply_dense(Lanes& largest);
    template <class V, bool kLinear>
    void apply_sparse(std::size_t reached, Lanes& largest);
    /// Linear: stops pushing in the lanes whose largest move is within the tolerance. True
    /// while some lane still runs.
    bool freeze_converged(const Lanes& largest);
    /// propagate and summarize, compiled for the baseline ISA and for AVX2.
    void finish_baseline(std::span<const EntityIndex> sources,
                         std::array<Summary, kLanes>& summary,
                         std::array<std::vector<EntityIndex>, kLanes>& defaulted);
    void finish_avx2(std::span<const EntityIndex> sources, std::array<Summary, kLanes>& summary,
                     std::array<std::vector<EntityIndex>, kLanes>& defaulted);

    const PreparedNetwork& prepared_;
    std::vector<Lanes> h_;         ///< distress per entity and lane
    std::vector<Lanes> incoming_;  ///< pushes of the current step
    /// Entities distressed (D) in some lane at this step, ascending, and beside each the
    /// amounts it pushes: its h in the lanes where it is D, else 0. Kept compact (not one slot
    /// per entity) so that a dense step reads and writes two lines per entity, not three.
    /// Size n + 1: a step writes one slot past the last.
    std::vector<EntityIndex> frontier_;
    std::vector<Lanes> frontier_push_;
    std::size_t frontier_size_ = 0;
    std::vector<unsigned char> touched_;  ///< sparse steps: received a push this step
    std::vector<EntityIndex> received_;   ///< receivers of a sparse step (size n + 1)
    std::vector<unsigned char> is_source_;  ///< the sources of the running batch
    std::vector<std::uint64_t> bits_;
    /// Per lane, all bits set while the lane runs, 0 once it has converged (or is unused):
    /// pushes are masked with it.
    alignas(kLanes * sizeof(double)) std::array<std::uint64_t, kLanes> live_{};
    bool wide_ = false;
    bool linear_ = false;
};

}  // namespace crashchain
