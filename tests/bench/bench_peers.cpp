// Our side of tools/bench-peers: SCC and circulation on exactly the networks the peers get,
// `crashchain generate --entities N --contracts M --seed 2025` (the generator with its default
// attributes), so that both columns of the comparison read the same input on the same day.
#include <benchmark/benchmark.h>

#include <map>

#include "circularity/circulation.hpp"
#include "circularity/index.hpp"
#include "circularity/pearce_scc.hpp"
#include "circularity/scc.hpp"
#include "contract_csr.hpp"
#include "synth/generator.hpp"

namespace crashchain {
namespace {

const Network& peer_network(const benchmark::State& state) {
    static std::map<std::pair<std::int64_t, std::int64_t>, Network> cache;
    const std::pair key{state.range(0), state.range(1)};
    auto it = cache.find(key);
    if (it == cache.end()) {
        GeneratorOptions options;  // as `crashchain generate`
        options.entities = static_cast<std::size_t>(key.first);
        options.contracts = static_cast<std::size_t>(key.second);
        options.seed = 2025;
        it = cache.emplace(key, generate_network(options)).first;
    }
    return it->second;
}

/// scipy's connected_components(csr_matrix) times the search on a prebuilt CSR: so does this.
void BM_PeerInputSccPrebuiltCsr(benchmark::State& state) {
    const ContractCsr csr = contract_csr(peer_network(state));
    for (auto _ : state) benchmark::DoNotOptimize(pearce_components(csr.offsets, csr.targets));
}
BENCHMARK(BM_PeerInputSccPrebuiltCsr)->Args({100'000, 1'000'000})->Args({1'000'000, 10'000'000})
    ->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();

/// The same with the CSR built from the contracts, as `cycles` does.
void BM_PeerInputScc(benchmark::State& state) {
    const Network& net = peer_network(state);
    for (auto _ : state) benchmark::DoNotOptimize(strong_component_labels(net));
}
BENCHMARK(BM_PeerInputScc)->Args({100'000, 1'000'000})->Args({1'000'000, 10'000'000})
    ->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();

/// Exact maximum circulation (HiGHS's LP on the peer side), the index built outside the loop.
void BM_PeerInputCirculation(benchmark::State& state) {
    const Network& net = peer_network(state);
    const CircularityIndex index = index_circularity(net);
    double value = 0;
    for (auto _ : state) value = max_circulation(net, index).value;
    state.counters["value"] = value;
}
BENCHMARK(BM_PeerInputCirculation)->Args({10'000, 100'000})->Args({100'000, 1'000'000})
    ->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime()->Iterations(1);

}  // namespace
}  // namespace crashchain

BENCHMARK_MAIN();
