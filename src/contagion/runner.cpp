// StressRunner: one reusable engine per model behind a single interface.
#include <variant>

#include "contagion/clearing.hpp"
#include "contagion/debtrank.hpp"
#include "contagion/furfine.hpp"
#include "contagion/stress.hpp"

namespace crashchain {

struct StressRunner::Engines {
    std::variant<FurfineEngine, DebtRankEngine, LinearDebtRankEngine, ClearingEngine> engine;
    StressDigest digest;

    static decltype(engine) make(const PreparedNetwork& prepared, unsigned threads) {
        switch (prepared.options.model) {
            case Model::debtrank:
                return decltype(engine)(std::in_place_type<DebtRankEngine>, prepared);
            case Model::linear_debtrank:
                return decltype(engine)(std::in_place_type<LinearDebtRankEngine>, prepared,
                                         threads);
            case Model::clearing:
                return decltype(engine)(std::in_place_type<ClearingEngine>, prepared);
            case Model::furfine:
                break;
        }
        return decltype(engine)(std::in_place_type<FurfineEngine>, prepared);
    }
    Engines(const PreparedNetwork& prepared, unsigned threads) : engine(make(prepared, threads)) {}
};

StressRunner::StressRunner(const PreparedNetwork& prepared, unsigned threads)
    : engines_(std::make_unique<Engines>(prepared, threads)) {}
StressRunner::~StressRunner() = default;
StressRunner::StressRunner(StressRunner&&) noexcept = default;
StressRunner& StressRunner::operator=(StressRunner&&) noexcept = default;

namespace {

template <class Engine>
void run_engine(Engine& engine, std::span<const Shock> shock, bool full) {
    if constexpr (std::is_same_v<Engine, ClearingEngine>) {
        engine.run(shock, full);
    } else {
        engine.run(shock);
    }
}

}  // namespace

const StressDigest& StressRunner::run(std::span<const Shock> shock) {
    std::visit(
        [&](auto& engine) {
            run_engine(engine, shock, false);
            engine.digest(engines_->digest);
        },
        engines_->engine);
    return engines_->digest;
}

StressResult StressRunner::run_full(std::span<const Shock> shock) {
    return std::visit(
        [&](auto& engine) {
            run_engine(engine, shock, true);
            return engine.result();
        },
        engines_->engine);
}

}  // namespace crashchain
