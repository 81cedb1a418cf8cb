#pragma once
// Entry point of the contagion models (SPEC 3.1-3.3). Implementations: furfine.cpp,
// debtrank.cpp, linear_debtrank.cpp, clearing.cpp; exposures/obligations in exposures.hpp.
//
// Two ways in: `run_stress(network, shock, options)` for one run, or `prepare()` once and then
// a `StressRunner` per thread for many runs (rank, Monte Carlo, reverse stress): preparation
// builds the sparse matrices and checks the inputs; a run only touches what the shock reaches.

#include <array>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "contagion/exposures.hpp"
#include "contagion/stress_result.hpp"
#include "model/network.hpp"

namespace crashchain {

enum class ExternalSeniority : unsigned char { pari_passu, senior };
[[nodiscard]] std::string_view to_string(ExternalSeniority seniority);  ///< `pari-passu`, `senior`
[[nodiscard]] std::optional<ExternalSeniority> parse_external(std::string_view text);

struct StressOptions {
    Model model = Model::furfine;
    /// --lgd kind=v overrides of the kind table; per-contract lgd still wins (SPEC 6).
    LgdOverrides lgd_override{};
    double alpha = 1.0;  ///< clearing: share of external assets recovered on default
    double beta = 1.0;   ///< clearing: share of interbank receipts recovered on default
    ExternalSeniority external = ExternalSeniority::pari_passu;
};

/// InputError unless alpha and beta are in (0,1] and every lgd override is in [0,1].
void check_options(const StressOptions& options);

/// Parses `--lgd kind=v` values (InputError on an unknown kind or v outside [0,1]).
[[nodiscard]] LgdOverrides parse_lgd_overrides(const std::vector<std::string>& specs);

/// Initial shock: F_i in [0,1] per entity (size = entity count); 1 = default.
using ShockVector = std::vector<double>;

/// One shocked entity; runs take the shock as a sparse list.
struct Shock {
    EntityIndex entity = kNoEntity;
    double fraction = 0;
};
/// The nonzero entries of a ShockVector, by entity index.
[[nodiscard]] std::vector<Shock> sparse_shock(const ShockVector& shock);

/// Parses `--default ID` and `--shock ID=F` into a ShockVector (InputError on unknown ids or
/// F outside (0,1]; "did you mean" suggestions; an entity shocked twice is an error).
[[nodiscard]] ShockVector make_shocks(const Network& network, const std::vector<std::string>& defaults,
                                      const std::vector<std::string>& shocks);

/// Inputs of the cascade models (Furfine, DebtRank): capital and exposures.
struct CascadeInputs {
    std::vector<Dollars> capital;  ///< C_i (given or assets - liabilities)
    Dollars total_capital = 0;
    SparseRows exposed_to;         ///< row j: (i, X[i][j]) for every i exposed to j
    std::vector<double> weight;    ///< DebtRank W[i][j], parallel to exposed_to.value
    /// Linear DebtRank only: row i holds (j, W[i][j]) by ascending j, the transpose of
    /// (exposed_to, weight), for the steps that pull instead of push.
    SparseRows pulled;
};

/// The clearing model without any shock, for `distressed` and for losses.
struct ClearingBaseline {
    std::vector<Dollars> equity;
    std::vector<char> defaulted;
    Dollars total_equity = 0;
    std::size_t defaults = 0;
};

/// Inputs of the clearing model: balance sheets and obligations.
struct ClearingInputs {
    std::vector<Dollars> assets;       ///< external assets before the shock
    std::vector<Dollars> liabilities;  ///< external liabilities
    std::vector<Dollars> pbar;         ///< total obligations
    Obligations obligations;
    ClearingBaseline baseline;
};

/// Everything a model needs, built once: reuse it for any number of runs.
struct PreparedNetwork {
    StressOptions options;
    std::size_t entity_count = 0;
    CascadeInputs cascade;    ///< furfine, debtrank, linear-debtrank
    ClearingInputs clearing;  ///< clearing
};

/// Checks the inputs the model needs (InputError naming each entity and attribute lacking) and
/// builds the matrices. For clearing it also runs the unshocked network (the baseline).
[[nodiscard]] PreparedNetwork prepare(const Network& network, const StressOptions& options);

/// What a run leaves when per-entity detail is not needed (rank, Monte Carlo, reverse stress).
struct StressDigest {
    std::vector<EntityIndex> defaulted;  ///< every entity in default, ascending
    /// Capital lost per entity that lost something (clearing: equity lost against the
    /// baseline), ascending by entity.
    std::vector<std::pair<EntityIndex, Dollars>> losses;
    Dollars capital_lost = 0;
    double capital_lost_share = 0;
    std::optional<double> debtrank;     ///< debtrank, linear-debtrank
    std::optional<Dollars> shortfall;   ///< clearing
};

/// Runs the prepared model many times with one set of reusable buffers. Not thread-safe: use
/// one runner per thread (they may share the PreparedNetwork).
class StressRunner {
public:
    /// `threads` > 1 lets one run use that many threads where a model can (linear DebtRank's
    /// large steps); results are identical for any count.
    explicit StressRunner(const PreparedNetwork& prepared, unsigned threads = 1);
    ~StressRunner();
    StressRunner(StressRunner&&) noexcept;
    StressRunner& operator=(StressRunner&&) noexcept;
    StressRunner(const StressRunner&) = delete;
    StressRunner& operator=(const StressRunner&) = delete;

    /// The fast path; the reference stays valid until the next run.
    const StressDigest& run(std::span<const Shock> shock);
    /// The full result: every entity, rounds, causes, summary.
    [[nodiscard]] StressResult run_full(std::span<const Shock> shock);

private:
    struct Engines;
    std::unique_ptr<Engines> engines_;
};

/// Runs the prepared model once, on up to `threads` threads (as StressRunner).
[[nodiscard]] StressResult run_stress(const PreparedNetwork& prepared, const ShockVector& shock,
                                      unsigned threads = 1);

/// Runs one model once. InputError when the model needs a figure an entity lacks.
[[nodiscard]] StressResult run_stress(const Network& network, const ShockVector& shock,
                                      const StressOptions& options, unsigned threads = 1);

}  // namespace crashchain
