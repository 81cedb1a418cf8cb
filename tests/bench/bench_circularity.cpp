// Circularity benchmarks on generate_network (the shared seeded generator, seed 42).
// Peers for comparison are in docs/circularity.md.
#include <benchmark/benchmark.h>

#include <boost/graph/strong_components.hpp>
#include <map>

#include "circularity/circulation.hpp"
#include "circularity/cycles.hpp"
#include "circularity/pearce_scc.hpp"
#include "circularity/round_trip.hpp"
#include "circularity/scc.hpp"
#include "circularity/vendor_financing.hpp"
#include "contract_csr.hpp"
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

const CircularityIndex& index_of(const Network& net) {
    static std::map<const Network*, CircularityIndex> cache;
    auto it = cache.find(&net);
    if (it == cache.end()) it = cache.emplace(&net, index_circularity(net)).first;
    return it->second;
}

const Network& arg_network(const benchmark::State& state) {
    return network(static_cast<std::size_t>(state.range(0)), static_cast<std::size_t>(state.range(1)));
}

// --- strongly connected components ---------------------------------------------------------

void BM_SccCsr(benchmark::State& state) {
    const Network& net = arg_network(state);
    for (auto _ : state) benchmark::DoNotOptimize(strong_component_labels(net));
}
BENCHMARK(BM_SccCsr)->Args({100'000, 1'000'000})->Args({1'000'000, 10'000'000})
    ->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();

/// The search alone on a prebuilt CSR: what scipy's connected_components(csr_matrix) measures.
void BM_SccPrebuiltCsr(benchmark::State& state) {
    const ContractCsr csr = contract_csr(arg_network(state));
    for (auto _ : state) benchmark::DoNotOptimize(pearce_components(csr.offsets, csr.targets));
}
BENCHMARK(BM_SccPrebuiltCsr)->Args({100'000, 1'000'000})->Args({1'000'000, 10'000'000})
    ->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();

/// The same search on Network's adjacency_list view, whose build (paid once per network by any
/// caller) is timed with it.
void BM_SccAdjacencyList(benchmark::State& state) {
    const Network& net = arg_network(state);
    for (auto _ : state) {
        state.PauseTiming();
        Network copy = net;  // a fresh copy has no view built yet
        state.ResumeTiming();
        const auto& graph = copy.graph();
        std::vector<std::uint32_t> label(copy.entity_count());
        benchmark::DoNotOptimize(boost::strong_components(
            graph, boost::make_iterator_property_map(label.begin(),
                                                     boost::get(boost::vertex_index, graph))));
        state.PauseTiming();
        copy = Network();
        state.ResumeTiming();
    }
}
BENCHMARK(BM_SccAdjacencyList)->Args({100'000, 1'000'000})->Args({1'000'000, 10'000'000})
    ->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();

/// What `cycles` reports: components sorted by size and id.
void BM_SccReport(benchmark::State& state) {
    const Network& net = arg_network(state);
    for (auto _ : state) benchmark::DoNotOptimize(strongly_connected(net));
}
BENCHMARK(BM_SccReport)->Args({100'000, 1'000'000})->Args({1'000'000, 10'000'000})
    ->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();

void BM_Index(benchmark::State& state) {
    const Network& net = arg_network(state);
    for (auto _ : state) benchmark::DoNotOptimize(index_circularity(net));
}
BENCHMARK(BM_Index)->Args({100'000, 1'000'000})->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime();

// --- bounded cycles ------------------------------------------------------------------------

void cycles(benchmark::State& state, bool largest_first) {
    const Network& net = arg_network(state);
    const CircularityIndex& index = index_of(net);
    CycleOptions options;  // K = 8, first 100,000
    options.time_limit = 600;
    options.largest_first = largest_first;
    std::size_t listed = 0;
    for (auto _ : state) {
        const auto result = find_cycles(net, index, options);
        listed = result.cycles.size();
        if (result.timed_out) state.SkipWithError("time limit fired");
    }
    state.counters["cycles"] = static_cast<double>(listed);
}
void BM_CyclesFirstFound(benchmark::State& state) { cycles(state, false); }
void BM_CyclesLargestFirst(benchmark::State& state) { cycles(state, true); }
BENCHMARK(BM_CyclesFirstFound)->Args({100'000, 1'000'000})->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime();
BENCHMARK(BM_CyclesLargestFirst)->Args({100'000, 1'000'000})->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()->Iterations(1);

// --- circulation ---------------------------------------------------------------------------

void circulation(benchmark::State& state, CirculationSolver solver) {
    const Network& net = arg_network(state);
    const CircularityIndex& index = index_of(net);
    double share = 0;
    for (auto _ : state) share = max_circulation(net, index, solver).share;
    state.counters["share"] = share;
}
void BM_CirculationPrimalDual(benchmark::State& state) {
    circulation(state, CirculationSolver::primal_dual);
}
void BM_CirculationNetworkSimplex(benchmark::State& state) {
    circulation(state, CirculationSolver::network_simplex);
}
BENCHMARK(BM_CirculationPrimalDual)->Args({10'000, 100'000})->Args({100'000, 1'000'000})
    ->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime()->Iterations(1);
BENCHMARK(BM_CirculationNetworkSimplex)->Args({10'000, 100'000})
    ->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime()->Iterations(1);

// --- round trips and vendor financing --------------------------------------------------------

void BM_RoundTripsAllEntities(benchmark::State& state) {
    const Network& net = arg_network(state);
    const CircularityIndex& index = index_of(net);
    for (auto _ : state) benchmark::DoNotOptimize(round_trips(net, index));
}
BENCHMARK(BM_RoundTripsAllEntities)->Args({1'000, 10'000})->Args({10'000, 100'000})
    ->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime()->Iterations(1);

void BM_VendorFinancing(benchmark::State& state) {
    const Network& net = arg_network(state);
    const CircularityIndex& index = index_of(net);
    for (auto _ : state) benchmark::DoNotOptimize(find_vendor_financing(net, index, 100'000));
}
BENCHMARK(BM_VendorFinancing)->Args({100'000, 1'000'000})->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()->Iterations(1);

}  // namespace
}  // namespace crashchain

BENCHMARK_MAIN();
