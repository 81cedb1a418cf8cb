#include <algorithm>
#include <cmath>
#include <system_error>
#include <thread>

#include "contagion/debtrank.hpp"

namespace crashchain {

LinearDebtRankEngine::LinearDebtRankEngine(const PreparedNetwork& prepared, unsigned threads,
                                           std::uint64_t min_per_thread)
    : prepared_(prepared),
      h_(prepared.entity_count, 0),
      initial_(prepared.entity_count, 0),
      delta_(prepared.entity_count, 0),
      spare_delta_(prepared.entity_count, 0),
      incoming_(prepared.entity_count, 0),
      first_step_(prepared.entity_count, -1),
      touched_(prepared.entity_count),
      min_per_thread_(std::max<std::uint64_t>(1, min_per_thread)) {
    // Receivers are split into ranges holding equal shares of the exposures.
    const SparseRows& pulled = prepared.cascade.pulled;
    const std::uint64_t entries = pulled.entries();
    const std::uint64_t most = std::max<std::uint64_t>(1, entries / min_per_thread_);
    const auto count = static_cast<std::size_t>(std::clamp<std::uint64_t>(threads, 1, most));
    parts_.resize(count);
    received_.resize(prepared.entity_count + count);
    const auto* start = pulled.start.data();
    for (std::size_t t = 0; t < count; ++t) {
        Part& part = parts_[t];
        part.begin = t == 0 ? 0 : parts_[t - 1].end;
        part.end = t + 1 == count
                       ? prepared.entity_count
                       : static_cast<std::size_t>(
                             std::lower_bound(start, start + prepared.entity_count,
                                              entries * (t + 1) / count) -
                             start);
        // Workers must not allocate (an exception there would end the program).
        part.moved.reserve(part.end - part.begin);
        part.touched.reserve(part.end - part.begin);
        part.bits.resize((prepared.entity_count + 63) / 64);
    }
}

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
    sort_entities(active_, prepared_.entity_count, parts_[0].bits);
    const auto* start = prepared_.cascade.exposed_to.start.data();
    const std::uint64_t entries = prepared_.cascade.exposed_to.entries();
    int step = 1;
    converged_ = false;
    while (true) {
        // h(t+1) = min(1, h(t) + W (h(t) - h(t-1))): only entities that moved push, in
        // ascending order (a fixed order of addition). When their rows hold a large share of
        // the exposures, every entity pulls its row of W instead: the same terms in the same
        // order (the entities that did not move add exact zeros). Large steps are split by
        // receiver range over the threads; each receiver still sums in the same order.
        std::uint64_t pushes = 0;
        for (EntityIndex j : active_) pushes += start[j + 1] - start[j];
        ++step;
        next_.clear();
        double largest = 0;
        if (pushes * 2 * parts_.size() > entries) {
            for_parts(parts_.size(), [&](Part& part) { pull_part(part, step); });
            largest = finish_step(parts_.size());
        } else {
            largest = push_step(pushes, step);
        }
        if (largest <= kTolerance) {
            converged_ = true;
            break;
        }
        if (static_cast<std::size_t>(step) >= kMaxSteps) break;
        active_.swap(next_);
    }
    for (EntityIndex j : next_) delta_[j] = 0;
    steps_ = static_cast<std::size_t>(step);
}

template <class Work>
void LinearDebtRankEngine::for_parts(std::size_t count, Work work) {
    std::vector<std::thread> workers;
    workers.reserve(count - 1);
    for (std::size_t t = 1; t < count; ++t) {
        try {
            workers.emplace_back([&work, this, t] { work(parts_[t]); });
        } catch (const std::system_error&) {
            work(parts_[t]);  // no thread to be had: do its share here
        }
    }
    work(parts_[0]);
    for (auto& worker : workers) worker.join();
}

double LinearDebtRankEngine::push_step(std::uint64_t pushes, int step) {
    const std::size_t n = prepared_.entity_count;
    // As in debtrank.cpp: many pushes are applied by a pass over every entity (ascending,
    // cache-friendly), few by listing the receivers while pushing.
    const bool dense = pushes * 4 > n;
    const bool split = pushes >= parts_.size() * min_per_thread_;
    const std::size_t parts = split ? parts_.size() : 1;
    EntityIndex* received = received_.data();
    if (split) {
        for_parts(parts, [&](Part& part) {
            const std::size_t t = static_cast<std::size_t>(&part - parts_.data());
            push_part(part, part.begin, part.end, received + part.begin + t, dense, step);
        });
    } else {
        push_part(parts_[0], 0, n, received, dense, step);
    }
    return finish_step(parts);
}

void LinearDebtRankEngine::push_part(Part& part, std::size_t begin, std::size_t end,
                                     EntityIndex* received, bool dense, int step) {
    const auto* start = prepared_.cascade.exposed_to.start.data();
    const auto* column = prepared_.cascade.exposed_to.column.data();
    const auto* weight = prepared_.cascade.weight.data();
    double* incoming = incoming_.data();
    const std::uint64_t entries = prepared_.cascade.exposed_to.entries();
    const std::size_t n = prepared_.entity_count;
    const bool prefetch = worth_prefetching<double>(n);
    const EntityIndex* active = active_.data();
    const std::size_t count = active_.size();
    part.moved.clear();
    part.touched.clear();
    part.largest = 0;
    std::size_t reached = 0;
    for (std::size_t r = 0; r < count; ++r) {
        if (prefetch) prefetch_frontier_row(start, column, weight, delta_.data(), active, r, count);
        const EntityIndex j = active[r];
        // Rows are sorted by receiver: this part's receivers are one stretch of the row.
        std::uint64_t first = start[j];
        std::uint64_t last = start[j + 1];
        if (begin > 0) first = std::lower_bound(column + first, column + last, begin) - column;
        if (end < n) last = std::lower_bound(column + first, column + last, end) - column;
        reached = scatter_row(incoming, column, weight, first, last, entries, prefetch,
                              delta_[j], dense, received, reached);
    }
    auto apply = [&](EntityIndex i) {
        const double in = incoming[i];
        incoming[i] = 0;
        absorb(i, in, step, part);
    };
    if (dense) {
        for (std::size_t i = begin; i < end; ++i) {
            if (incoming[i] != 0) apply(static_cast<EntityIndex>(i));  // a zero push changes nothing
        }
    } else {
        for (std::size_t k = 0; k < reached; ++k) apply(received[k]);
        sort_entities(part.moved, n, part.bits);
    }
}

void LinearDebtRankEngine::pull_part(Part& part, int step) {
    const SparseRows& pulled = prepared_.cascade.pulled;
    const auto* start = pulled.start.data();
    const auto* column = pulled.column.data();
    const double* weight = pulled.value.data();
    const double* delta = delta_.data();
    const std::uint64_t entries = pulled.entries();
    const bool prefetch = worth_prefetching<double>(prepared_.entity_count);
    part.moved.clear();
    part.touched.clear();
    part.largest = 0;
    for (std::size_t i = part.begin; i < part.end; ++i) {
        double in = 0;
        for (std::uint64_t k = start[i]; k < start[i + 1]; ++k) {
            if (prefetch) prefetch_target<kPullPrefetchAhead>(delta, column, k, entries);
            in += weight[k] * delta[column[k]];
        }
        if (in != 0) absorb(static_cast<EntityIndex>(i), in, step, part);
    }
}

void LinearDebtRankEngine::absorb(EntityIndex i, double in, int step, Part& part) {
    if (touched_.mark(i)) part.touched.push_back(i);
    const double updated = std::min(1.0, h_[i] + in);
    const double moved = updated - h_[i];
    h_[i] = updated;
    if (moved != 0) {
        spare_delta_[i] = moved;
        part.moved.push_back(i);
        part.largest = std::max(part.largest, std::fabs(moved));
    }
    if (first_step_[i] < 0 && updated > 0) first_step_[i] = step;
}

double LinearDebtRankEngine::finish_step(std::size_t parts) {
    for (EntityIndex j : active_) delta_[j] = 0;
    delta_.swap(spare_delta_);
    double largest = 0;
    for (std::size_t t = 0; t < parts; ++t) {
        const Part& part = parts_[t];
        next_.insert(next_.end(), part.moved.begin(), part.moved.end());
        touched_.adopt(part.touched);
        largest = std::max(largest, part.largest);
    }
    return largest;
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
