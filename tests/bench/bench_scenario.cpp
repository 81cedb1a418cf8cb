// Monte Carlo and reverse stress on generated networks (preparation excluded):
//   Monte Carlo, 100,000 scenarios of Furfine on 1,000 entities / 10,000 contracts, 1 and 2
//   threads (the target: under 2 s on 2 cores); the shock draws alone (RNG cost); CPU time
//   is that of the whole process (every worker thread);
//   reverse stress: bisection and greedy set search on the same network.
#include <benchmark/benchmark.h>

#include <memory>

#include "contagion/stress.hpp"
#include "scenario/model_adapters.hpp"
#include "scenario/monte_carlo.hpp"
#include "scenario/reverse_stress.hpp"
#include "scenario/shock_model.hpp"
#include "synth/generator.hpp"

namespace crashchain {
namespace {

const Network& network() {
    static const Network net = [] {
        GeneratorOptions g;
        g.entities = 1000;
        g.contracts = 10000;
        g.seed = 2025;
        return generate_network(g);
    }();
    return net;
}

void BM_MonteCarlo(benchmark::State& state, Model model) {
    const Network& net = network();
    StressOptions options;
    options.model = model;
    const PreparedNetwork prepared = prepare(net, options);
    const auto scale = monte_carlo_scale(net, entity_sigmas(net, {}), model);
    MonteCarloOptions mc;
    mc.scenarios = static_cast<std::size_t>(state.range(0));
    mc.threads = static_cast<unsigned>(state.range(1));
    mc.seed = 42;
    double mean_defaults = 0;
    double es99 = 0;
    for (auto _ : state) {
        const MonteCarloResult result = run_monte_carlo(scale, mc, monte_carlo_model(prepared));
        double defaults = 0;
        for (const auto& e : result.entities) defaults += static_cast<double>(e.defaults);
        mean_defaults = defaults / static_cast<double>(mc.scenarios);
        es99 = result.loss.level99.es;
        benchmark::DoNotOptimize(result.loss.mean);
    }
    state.counters["mean_defaults"] = mean_defaults;
    state.counters["es99"] = es99;
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK_CAPTURE(BM_MonteCarlo, furfine, Model::furfine)
    ->Args({10000, 1})
    ->Args({100000, 1})
    ->Args({100000, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MeasureProcessCPUTime();
BENCHMARK_CAPTURE(BM_MonteCarlo, debtrank, Model::debtrank)
    ->Args({10000, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MeasureProcessCPUTime();
BENCHMARK_CAPTURE(BM_MonteCarlo, clearing, Model::clearing)
    ->Args({10000, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MeasureProcessCPUTime();

void BM_DrawShocks(benchmark::State& state) {
    const Network& net = network();
    const auto scale = monte_carlo_scale(net, entity_sigmas(net, {}), Model::furfine);
    ShockVector shock;
    std::uint64_t k = 0;
    for (auto _ : state) {
        draw_shocks(42, k++, 0.3, scale, shock);
        benchmark::DoNotOptimize(shock.data());
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_DrawShocks);

void BM_ReverseShock(benchmark::State& state) {
    const Network& net = network();
    StressOptions options;
    const PreparedNetwork prepared = prepare(net, options);
    const UniformShock shock_at(net, options.model, {});
    ReverseTarget target;
    target.min_loss_share = 0.5;
    for (auto _ : state) {
        const ReverseResult r = reverse_shock(shock_at, summary_model(prepared), target);
        benchmark::DoNotOptimize(r.shock);
    }
}
BENCHMARK(BM_ReverseShock)->Unit(benchmark::kMillisecond);

void BM_ReverseSetGreedy(benchmark::State& state) {
    const Network& net = network();
    StressOptions options;
    const PreparedNetwork prepared = prepare(net, options);
    std::vector<EntityIndex> candidates(net.entity_count());
    std::vector<std::string> ids;
    for (EntityIndex i = 0; i < net.entity_count(); ++i) {
        candidates[i] = i;
        ids.push_back(net.id(i));
    }
    ReverseTarget target;
    target.min_defaults = static_cast<std::size_t>(state.range(0));
    std::size_t size = 0;
    std::size_t evaluations = 0;
    for (auto _ : state) {
        const ReverseResult r = reverse_set(candidates, ids, summary_model(prepared), target, {});
        size = r.set.size();
        evaluations = r.evaluations;
    }
    state.counters["set_size"] = static_cast<double>(size);
    state.counters["evaluations"] = static_cast<double>(evaluations);
}
BENCHMARK(BM_ReverseSetGreedy)->Arg(100)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace crashchain

BENCHMARK_MAIN();
