#include <algorithm>
#include <cmath>

#include "contagion/debtrank.hpp"

namespace crashchain {

LinearDebtRankEngine::LinearDebtRankEngine(const PreparedNetwork& prepared)
    : prepared_(prepared),
      h_(prepared.entity_count, 0),
      initial_(prepared.entity_count, 0),
      delta_(prepared.entity_count, 0),
      incoming_(prepared.entity_count, 0),
      first_step_(prepared.entity_count, -1),
      touched_(prepared.entity_count),
      received_(prepared.entity_count + 1) {}

void LinearDebtRankEngine::run(std::span<const Shock> shock) {
    for (EntityIndex i : touched_.list()) {
        h_[i] = initial_[i] = delta_[i] = 0;
        first_step_[i] = -1;
    }
    touched_.clear();
    active_.clear();
    // h(0) = 0, h(1) = F: the first increment is the shock itself.
    for (const auto& s : shock) {
        if (s.fraction <= 0 || !touched_.insert(s.entity)) continue;
        h_[s.entity] = initial_[s.entity] = delta_[s.entity] = std::min(1.0, s.fraction);
        first_step_[s.entity] = 1;
        active_.push_back(s.entity);
    }
    sort_entities(active_, prepared_.entity_count, bits_);
    const auto* start = prepared_.cascade.exposed_to.start.data();
    const auto* column = prepared_.cascade.exposed_to.column.data();
    const auto* weight = prepared_.cascade.weight.data();
    double* incoming = incoming_.data();
    EntityIndex* received = received_.data();
    const std::uint64_t entries = prepared_.cascade.exposed_to.entries();
    const bool prefetch = worth_prefetching<double>(prepared_.entity_count);
    std::size_t step = 1;
    const std::size_t n = prepared_.entity_count;
    converged_ = false;
    while (true) {
        // h(t+1) = min(1, h(t) + W (h(t) - h(t-1))): only entities that moved push, in
        // ascending order (a fixed order of addition). As in debtrank.cpp: many pushes are
        // applied by a pass over every entity (ascending, cache-friendly), few by listing the
        // receivers while pushing.
        std::uint64_t pushes = 0;
        for (EntityIndex j : active_) pushes += start[j + 1] - start[j];
        const bool dense = pushes * 4 > n;
        std::size_t reached = 0;
        for (EntityIndex j : active_) {
            const double dj = delta_[j];
            reached = scatter_row(incoming, column, weight, start[j], start[j + 1], entries,
                                  prefetch, dj, dense, received, reached);
        }
        for (EntityIndex j : active_) delta_[j] = 0;
        ++step;
        next_.clear();
        double largest = 0;
        auto apply = [&](EntityIndex i) {
            const double in = incoming[i];
            incoming[i] = 0;
            touched_.insert(i);
            const double updated = std::min(1.0, h_[i] + in);
            const double moved = updated - h_[i];
            h_[i] = updated;
            if (moved != 0) {
                delta_[i] = moved;
                next_.push_back(i);
                largest = std::max(largest, std::fabs(moved));
            }
            if (first_step_[i] < 0 && updated > 0) first_step_[i] = static_cast<int>(step);
        };
        if (dense) {
            for (EntityIndex i = 0; i < n; ++i) {
                if (incoming[i] != 0) apply(i);  // a zero push changes nothing
            }
        } else {
            for (std::size_t r = 0; r < reached; ++r) apply(received[r]);
        }
        if (largest <= kTolerance) {
            converged_ = true;
            break;
        }
        if (step >= kMaxSteps) break;
        if (!dense) sort_entities(next_, n, bits_);
        active_.swap(next_);
    }
    for (EntityIndex j : next_) delta_[j] = 0;
    steps_ = step;
}

void LinearDebtRankEngine::digest(StressDigest& out) const {
    debtrank_digest(prepared_, h_, initial_, touched_.list(), scratch_, out);
}

StressResult LinearDebtRankEngine::result() const {
    // Every increment of j was pushed, so what j transmitted to i sums to X[i][j] * h_j.
    std::vector<EntityIndex> sources;
    for (EntityIndex i : touched_.list()) {
        if (h_[i] > 0) sources.push_back(i);
    }
    std::sort(sources.begin(), sources.end());
    auto result = debtrank_result(Model::linear_debtrank, prepared_, h_, initial_, first_step_,
                                  sources, h_);
    result.summary.steps = steps_;
    result.summary.converged = converged_;
    return result;
}

}  // namespace crashchain
