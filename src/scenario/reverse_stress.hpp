#pragma once
// Reverse stress testing (SPEC 3.6): the smallest shock that produces a given crash.
// `--search shock`: the smallest uniform shock f in [0, 1] that reaches the target, by bisection
// (the models are monotone in the shock). `--search set`: the smallest set of initial defaults;
// exact (sizes in increasing order, every set of a size before the next) up to `exact_limit`
// candidates, above that greedy with lazy evaluation (Minoux 1978; "CELF", Leskovec et al. 2007).
// The models are plain callbacks, so the searches are tested with fakes and exhaustive checks.

#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "scenario/stress_function.hpp"

namespace crashchain {

/// `--min-defaults K` (defaults counted with the shocked entities) or `--min-loss-share S`.
struct ReverseTarget {
    std::optional<std::size_t> min_defaults;
    std::optional<double> min_loss_share;
    [[nodiscard]] bool reached_by(const StressResult& result) const;
};

enum class ReverseSearch : unsigned char { shock, set };
enum class ReverseMethod : unsigned char { bisection, exact, greedy };
[[nodiscard]] std::string_view to_string(ReverseMethod method);

struct ReverseResult {
    ReverseMethod method = ReverseMethod::bisection;
    bool reached = false;
    double shock = 0;              ///< shock search: f (the upper end of the final bracket)
    std::vector<EntityIndex> set;  ///< set search: the initial defaults, by id
    StressResult outcome;          ///< at f, or with `set` defaulted (at f = 1 / the largest
                                   ///< set tried when the target is not reached)
    std::size_t evaluations = 0;   ///< model runs
};

/// The shock search. `shock_at(f)` builds the shock vector for a uniform shock f.
/// Checks f = 1 first (not reached: `reached` false, outcome at 1), then f = 0 (reached: f = 0),
/// then bisects [lo, hi] until hi - lo <= tolerance, keeping "hi reaches, lo does not".
[[nodiscard]] ReverseResult reverse_shock(const std::function<ShockVector(double)>& shock_at,
                                          const StressFunction& model,
                                          const ReverseTarget& target, double tolerance = 1e-6);

struct SetSearchOptions {
    std::size_t exact_limit = 25;  ///< exact search up to this many candidates
    /// Whether more initial defaults never give fewer defaults or less loss (Furfine, linear
    /// DebtRank, clearing). Lets the exact search prune; DebtRank's single-propagation rule is
    /// not monotone, so for it every set of each size is tried.
    bool monotone = true;
};

/// The set search over `candidates` (entity indices; ties between sets of the same size:
/// larger capital_lost, then the lexicographically smaller list of ids). `ids` names every
/// entity of the network; `network_size` is the length of the shock vectors.
[[nodiscard]] ReverseResult reverse_set(const std::vector<EntityIndex>& candidates,
                                        const std::vector<std::string>& ids,
                                        const StressFunction& model, const ReverseTarget& target,
                                        const SetSearchOptions& options);

/// Whether more initial defaults never mean fewer defaults or less loss under this model
/// (Furfine, linear DebtRank, clearing: yes; DebtRank's single propagation: no).
[[nodiscard]] bool monotone_in_defaults(Model model);

/// capital_lost_share of a result; logic_error if the model did not report it.
[[nodiscard]] double loss_share_of(const StressResult& result);

}  // namespace crashchain
