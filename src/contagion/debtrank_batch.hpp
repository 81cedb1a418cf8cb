#pragma once
// Single-hit DebtRank (Battiston et al. 2012; SPEC 3.2) of several single defaults at once, for
// `rank` (every entity defaulted alone). Lane l of a batch runs the default of sources[l]; the
// lanes step together, so one read of a row of W serves every lane in which that entity is
// distressed at this step, and the pushes of the lanes go to one cache line per receiver.
//
// Every lane equals DebtRankEngine's run of its source to the last bit: a lane adds the same
// nonzero terms in the same order (rows in ascending entity order, entries in row order); an
// entity that is not distressed in a lane pushes W * 0 = +0 there, which changes no sum. An
// entity is undistressed exactly while its h is 0 (h only grows, and h > 0 means D or I), so
// the lanes need no state besides h and the amount each entity propagates at this step.

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

    explicit DebtRankBatch(const PreparedNetwork& prepared);

    /// Runs the single defaults of `sources` (1 to kLanes distinct entities), then fills
    /// summary[l] and defaulted[l] (ascending, the source included) for each lane, and leaves
    /// the buffers clean for the next batch.
    void run(std::span<const EntityIndex> sources, std::array<Summary, kLanes>& summary,
             std::array<std::vector<EntityIndex>, kLanes>& defaulted);

private:
    /// One value per lane; one cache line, aligned to it (a push touches one line).
    struct alignas(kLanes * sizeof(double)) Lanes : std::array<double, kLanes> {};

    /// Pushes every frontier row; sparse steps list the receivers. Returns how many.
    std::size_t push_rows(bool dense);
    void apply_dense();
    void apply_sparse(std::size_t reached);
    void summarize(std::span<const EntityIndex> sources, std::array<Summary, kLanes>& summary,
                   std::array<std::vector<EntityIndex>, kLanes>& defaulted);

    const PreparedNetwork& prepared_;
    std::vector<Lanes> h_;         ///< distress per entity and lane
    std::vector<Lanes> incoming_;  ///< pushes of the current step
    std::vector<Lanes> pushing_;   ///< h if the entity is distressed (D) in that lane, else 0
    std::vector<unsigned char> touched_;  ///< sparse steps: received a push this step
    /// Entities distressed in some lane at this step, ascending; receivers of a sparse step
    /// (size n + 1: written one slot past the last).
    std::vector<EntityIndex> frontier_, received_;
    std::vector<std::uint64_t> bits_;
};

}  // namespace crashchain
