// crashchain generate --entities N --contracts M --seed S -o OUT.csv|.json|.dot: a seeded
// synthetic network (src/synth/generator.hpp), for benchmarks and trying the tool at scale.
#include <limits>
#include <memory>

#include "cli/common.hpp"
#include "core/error.hpp"
#include "synth/generator.hpp"

namespace crashchain::cli {

void add_generate_command(CLI::App& app) {
    struct Options {
        GeneratorOptions generator;
        std::string output;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand(
        "generate", "write a seeded synthetic network (heavy-tailed degrees, mixed kinds)");
    command->add_option("--entities", options->generator.entities, "number of entities")
        ->capture_default_str();
    command->add_option("--contracts", options->generator.contracts, "number of contracts")
        ->capture_default_str();
    command->add_option("--seed", options->generator.seed, "random seed (same seed, same network)")
        ->capture_default_str();
    command->add_option("-o,--output", options->output,
                        "OUT.dot, OUT.gv, OUT.json, or OUT.csv (+ OUT.nodes.csv)")
        ->required();
    command->final_callback([options] {
        const auto& g = options->generator;
        constexpr std::size_t kMax = std::numeric_limits<ContractIndex>::max() - 1;
        if (g.entities == 0 || g.entities > kMax) {
            throw InputError("--entities: must be between 1 and " + std::to_string(kMax));
        }
        if (g.contracts > kMax) {
            throw InputError("--contracts: must be at most " + std::to_string(kMax));
        }
        if (g.entities < 2 && g.contracts > 0) {
            throw InputError("--entities: contracts need at least 2 entities");
        }
        save_network(generate_network(g), options->output);
    });
}

}  // namespace crashchain::cli
