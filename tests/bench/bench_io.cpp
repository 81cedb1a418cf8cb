// Reading networks: CSV (the fast path, 100k and 1M contracts from text in memory), DOT and
// JSON (10k contracts). Inputs are written once per size by the writers from generate_network.
#include <benchmark/benchmark.h>

#include <map>
#include <sstream>

#include "io/load.hpp"
#include "synth/generator.hpp"

namespace crashchain {
namespace {

Network make_network(std::size_t contracts) {
    GeneratorOptions options;
    options.contracts = contracts;
    options.entities = std::max<std::size_t>(100, contracts / 100);
    options.seed = 42;
    return generate_network(options);
}

struct CsvText {
    std::string edges;
    std::string nodes;
};

const CsvText& csv_text(std::size_t contracts) {
    static std::map<std::size_t, CsvText> cache;
    auto it = cache.find(contracts);
    if (it == cache.end()) {
        std::ostringstream edges;
        std::ostringstream nodes;
        write_csv(edges, nodes, make_network(contracts));
        it = cache.emplace(contracts, CsvText{edges.str(), nodes.str()}).first;
    }
    return it->second;
}

template <typename Write>
const std::string& text(std::size_t contracts, const char* format, Write write) {
    static std::map<std::pair<std::size_t, std::string>, std::string> cache;
    auto key = std::make_pair(contracts, std::string(format));
    auto it = cache.find(key);
    if (it == cache.end()) {
        std::ostringstream out;
        write(out, make_network(contracts));
        it = cache.emplace(key, out.str()).first;
    }
    return it->second;
}

void BM_ReadCsv(benchmark::State& state) {
    const auto contracts = static_cast<std::size_t>(state.range(0));
    const CsvText& input = csv_text(contracts);
    for (auto _ : state) {
        std::istringstream edges(input.edges);
        std::istringstream nodes(input.nodes);
        Network network = read_csv(edges, &nodes, "bench.csv", "bench.nodes.csv");
        benchmark::DoNotOptimize(network);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
    state.SetBytesProcessed(state.iterations() *
                            static_cast<std::int64_t>(input.edges.size() + input.nodes.size()));
}
BENCHMARK(BM_ReadCsv)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

void BM_ReadDot(benchmark::State& state) {
    const auto contracts = static_cast<std::size_t>(state.range(0));
    const std::string& input =
        text(contracts, "dot", [](std::ostream& out, const Network& n) { write_dot(out, n); });
    for (auto _ : state) {
        Network network = read_dot(input, "bench.dot");
        benchmark::DoNotOptimize(network);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_ReadDot)->Arg(10'000)->Unit(benchmark::kMillisecond);

void BM_ReadJson(benchmark::State& state) {
    const auto contracts = static_cast<std::size_t>(state.range(0));
    const std::string& input =
        text(contracts, "json", [](std::ostream& out, const Network& n) { write_json(out, n); });
    for (auto _ : state) {
        std::istringstream in(input);
        Network network = read_json(in, "bench.json");
        benchmark::DoNotOptimize(network);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_ReadJson)->Arg(10'000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace crashchain

BENCHMARK_MAIN();
