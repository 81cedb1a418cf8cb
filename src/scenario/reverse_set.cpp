// Reverse stress, set search (SPEC 3.6): exact for small candidate sets, lazy greedy above.
#include <algorithm>
#include <cmath>
#include <queue>
#include <utility>

#include "scenario/reverse_stress.hpp"

namespace crashchain {
namespace {

// capital_lost equal up to rounding (sums over different sets): then the ids decide.
bool clearly_larger(double a, double b) {
    return a > b + 1e-9 * std::max(std::fabs(a), std::fabs(b));
}

double capital_lost_of(const StressResult& r) { return r.summary.capital_lost.value_or(0.0); }

class SetSearch {
public:
    SetSearch(std::vector<EntityIndex> candidates, const std::vector<std::string>& ids,
              const StressFunction& model, const ReverseTarget& target)
        : candidates_(std::move(candidates)), ids_(ids), model_(model), target_(target) {
        std::sort(candidates_.begin(), candidates_.end(),
                  [&](EntityIndex a, EntityIndex b) { return ids_[a] < ids_[b]; });
    }

    StressResult run(const std::vector<std::size_t>& positions) {
        ShockVector shock(ids_.size(), 0.0);
        for (const std::size_t p : positions) shock[candidates_[p]] = 1.0;
        ++evaluations_;
        return model_(shock);
    }

    ReverseResult finish(ReverseMethod method, bool reached, const std::vector<std::size_t>& set,
                         StressResult outcome) const {
        ReverseResult result;
        result.method = method;
        result.reached = reached;
        for (const std::size_t p : set) result.set.push_back(candidates_[p]);
        std::sort(result.set.begin(), result.set.end(),
                  [&](EntityIndex a, EntityIndex b) { return ids_[a] < ids_[b]; });
        result.outcome = std::move(outcome);
        result.evaluations = evaluations_;
        return result;
    }

    ReverseResult exact(bool monotone) {
        const std::size_t n = candidates_.size();
        std::vector<std::size_t> everyone(n);
        for (std::size_t p = 0; p < n; ++p) everyone[p] = p;
        StressResult all = run(everyone);
        if (monotone && !target_.reached_by(all)) {
            return finish(ReverseMethod::exact, false, everyone, std::move(all));
        }
        monotone_ = monotone;
        for (std::size_t size = 0; size <= n; ++size) {
            std::vector<std::size_t> prefix;
            enumerate(prefix, 0, size);
            if (best_) return finish(ReverseMethod::exact, true, best_->first, std::move(best_->second));
        }
        return finish(ReverseMethod::exact, false, everyone, std::move(all));
    }

    ReverseResult greedy() {
        // Score of a set: the target's own measure first, the other one as tie-break.
        auto score = [&](const StressResult& r) {
            const double defaults = static_cast<double>(r.summary.defaults);
            const double loss = r.summary.capital_lost_share.value_or(0.0);
            return target_.min_defaults ? std::pair{defaults, loss} : std::pair{loss, defaults};
        };
        std::vector<std::size_t> chosen;
        StressResult current = run(chosen);
        if (target_.reached_by(current)) {
            return finish(ReverseMethod::greedy, true, chosen, std::move(current));
        }
        struct Entry {
            std::pair<double, double> gain;
            std::size_t position;
            std::size_t stamp;  ///< |chosen| when the gain was computed
        };
        auto worse = [](const Entry& a, const Entry& b) {
            if (a.gain != b.gain) return a.gain < b.gain;
            return a.position > b.position;  // equal gains: the smaller id first
        };
        std::priority_queue<Entry, std::vector<Entry>, decltype(worse)> queue(worse);
        const auto base = score(current);
        std::vector<std::size_t> trial;
        auto gain_of = [&](std::size_t p, StressResult& out) {
            trial = chosen;
            trial.push_back(p);
            out = run(trial);
            const auto s = score(out);
            return std::pair{s.first - base.first, s.second - base.second};
        };
        std::pair<double, double> current_score = base;
        StressResult scratch;
        for (std::size_t p = 0; p < candidates_.size(); ++p) {
            queue.push({gain_of(p, scratch), p, 0});
        }
        while (!queue.empty()) {
            Entry top = queue.top();
            queue.pop();
            if (top.stamp != chosen.size()) {
                // Stale upper bound: recompute against the current set and put it back.
                const auto s = current_score;
                trial = chosen;
                trial.push_back(top.position);
                scratch = run(trial);
                const auto t = score(scratch);
                top.gain = {t.first - s.first, t.second - s.second};
                top.stamp = chosen.size();
                queue.push(top);
                continue;
            }
            chosen.push_back(top.position);
            current = run(chosen);
            current_score = score(current);
            if (target_.reached_by(current)) {
                return finish(ReverseMethod::greedy, true, chosen, std::move(current));
            }
        }
        return finish(ReverseMethod::greedy, false, chosen, std::move(current));
    }

private:
    // Every set of `size` positions extending `prefix` with positions >= start, in
    // lexicographic order of their ids.
    void enumerate(std::vector<std::size_t>& prefix, std::size_t start, std::size_t size) {
        const std::size_t n = candidates_.size();
        const std::size_t remaining = size - prefix.size();
        if (remaining == 0 || n - start == remaining) {
            std::vector<std::size_t> set = prefix;
            for (std::size_t p = start; p < start + remaining; ++p) set.push_back(p);
            consider(set, run(set));
            return;
        }
        if (monotone_ && !prefix.empty()) {
            // The largest completion of this prefix; if it misses, every completion misses.
            std::vector<std::size_t> widest = prefix;
            for (std::size_t p = start; p < n; ++p) widest.push_back(p);
            if (!target_.reached_by(run(widest))) return;
        }
        for (std::size_t p = start; p + remaining <= n; ++p) {
            prefix.push_back(p);
            enumerate(prefix, p + 1, size);
            prefix.pop_back();
        }
    }

    void consider(const std::vector<std::size_t>& set, StressResult outcome) {
        if (!target_.reached_by(outcome)) return;
        // Sets arrive in lexicographic order, so an equal loss keeps the earlier set.
        if (!best_ || clearly_larger(capital_lost_of(outcome), capital_lost_of(best_->second))) {
            best_.emplace(set, std::move(outcome));
        }
    }

    std::vector<EntityIndex> candidates_;
    const std::vector<std::string>& ids_;
    const StressFunction& model_;
    const ReverseTarget& target_;
    std::size_t evaluations_ = 0;
    bool monotone_ = true;
    std::optional<std::pair<std::vector<std::size_t>, StressResult>> best_;
};

}  // namespace

bool monotone_in_defaults(Model model) { return model != Model::debtrank; }

ReverseResult reverse_set(const std::vector<EntityIndex>& candidates,
                          const std::vector<std::string>& ids, const StressFunction& model,
                          const ReverseTarget& target, const SetSearchOptions& options) {
    SetSearch search(candidates, ids, model, target);
    if (candidates.size() <= options.exact_limit) return search.exact(options.monotone);
    return search.greedy();
}

}  // namespace crashchain
