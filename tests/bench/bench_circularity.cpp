// Circularity benchmarks on generate_network (the shared seeded generator).
#include <benchmark/benchmark.h>

#include <boost/graph/strong_components.hpp>
#include <map>

#include "circularity/cycles.hpp"
#include "circularity/scc.hpp"
#include "synth/generator.hpp"

namespace crashchain {
namespace {

const Network& network(std::size_t entities, std::size_t contracts) {
    static std::map<std::pair<std::size_t, std::size_t>, Network> cache;
    auto it = cache.find({entities, contracts});
    if (it == cache.end()) {
        GeneratorOptions options;
        options.entities = entities;
        options.contracts = contracts;
        options.seed = 42;
        options.with_attributes = false;
        it = cache.emplace(std::make_pair(entities, contracts), generate_network(options)).first;
    }
    return it->second;
}

std::size_t entities_arg(const benchmark::State& state) { return static_cast<std::size_t>(state.range(0)); }
std::size_t contracts_arg(const benchmark::State& state) { return static_cast<std::size_t>(state.range(1)); }

void BM_SccCsr(benchmark::State& state) {
    const Network& net = network(entities_arg(state), contracts_arg(state));
    for (auto _ : state) benchmark::DoNotOptimize(strong_component_labels(net));
}
BENCHMARK(BM_SccCsr)->Args({100'000, 1'000'000})->Args({1'000'000, 10'000'000})->Unit(benchmark::kMillisecond);

void BM_SccAdjacencyList(benchmark::State& state) {
    const Network& net = network(entities_arg(state), contracts_arg(state));
    for (auto _ : state) {
        // The view is built once per network; time it with the search, as a caller would pay it.
        Network copy;
        state.PauseTiming();
        copy = net;
        state.ResumeTiming();
        const auto& graph = copy.graph();
        std::vector<std::uint32_t> label(copy.entity_count());
        benchmark::DoNotOptimize(boost::strong_components(
            graph, boost::make_iterator_property_map(label.begin(),
                                                     boost::get(boost::vertex_index, graph))));
    }
}
BENCHMARK(BM_SccAdjacencyList)->Args({100'000, 1'000'000})->Args({1'000'000, 10'000'000})->Unit(benchmark::kMillisecond);

void BM_SccSorted(benchmark::State& state) {
    const Network& net = network(entities_arg(state), contracts_arg(state));
    for (auto _ : state) benchmark::DoNotOptimize(strongly_connected(net));
}
BENCHMARK(BM_SccSorted)->Args({100'000, 1'000'000})->Args({1'000'000, 10'000'000})->Unit(benchmark::kMillisecond);

void cycles(benchmark::State& state, bool largest_first) {
    const Network& net = network(entities_arg(state), contracts_arg(state));
    CycleOptions options;
    options.max_length = 8;
    options.limit = 100'000;
    options.time_limit = 60;
    options.largest_first = largest_first;
    std::size_t listed = 0;
    for (auto _ : state) {
        const auto result = find_cycles(net, options);
        listed = result.cycles.size();
        if (result.timed_out) state.SkipWithError("time limit fired");
    }
    state.counters["cycles"] = static_cast<double>(listed);
}
void BM_CyclesFirstFound(benchmark::State& state) { cycles(state, false); }
void BM_CyclesLargestFirst(benchmark::State& state) { cycles(state, true); }
BENCHMARK(BM_CyclesFirstFound)->Args({100'000, 1'000'000})->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CyclesLargestFirst)->Args({100'000, 1'000'000})->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace crashchain

BENCHMARK_MAIN();
