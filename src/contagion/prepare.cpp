// prepare(): checks that the network has every figure the model needs and builds the sparse
// matrices once, so that rank and Monte Carlo can run a model thousands of times.
#include <cmath>

#include "contagion/clearing.hpp"
#include "contagion/stress.hpp"
#include "core/amount.hpp"
#include "core/error.hpp"

namespace crashchain {
namespace {

Diagnostic entity_problem(const Network& network, EntityIndex i, std::string message) {
    return {{}, std::nullopt, "entity " + network.id(i), std::move(message)};
}

void prepare_cascade(const Network& network, const StressOptions& options, CascadeInputs& out) {
    const std::string model(to_string(options.model));
    Diagnostics problems;
    out.capital.assign(network.entity_count(), 0);
    for (EntityIndex i = 0; i < network.entity_count(); ++i) {
        const Entity& entity = network.entity(i);
        const auto capital = entity.effective_capital();
        if (!capital) {
            problems.add(entity_problem(network, i,
                                        "capital is missing (" + model +
                                            " needs capital, or assets and liabilities)"));
        } else if (!std::isfinite(*capital) || *capital < 0) {
            // Only a derived capital can get here: readers reject a negative given one.
            problems.add(entity_problem(
                network, i,
                "capital = assets - liabilities = " + format_amount(*capital) +
                    " is negative (expected >= 0: give capital explicitly or fix the balance sheet)"));
        } else {
            out.capital[i] = *capital;
            out.total_capital += *capital;
        }
    }
    problems.throw_if_any();
    if (!std::isfinite(out.total_capital)) {
        throw InputError(model + ": the total capital overflows (not a finite number of dollars)");
    }
    if (!(out.total_capital > 0)) {
        throw InputError(model + " needs total capital > 0 (every entity has capital 0), to weigh "
                                 "losses as shares of the system's capital");
    }
    out.exposed_to = build_exposures(network, options.lgd_override);
    if (options.model == Model::debtrank || options.model == Model::linear_debtrank) {
        // W[i][j] = min(1, X[i][j] / C_i); 1 for any positive exposure when C_i = 0.
        out.weight.resize(out.exposed_to.entries());
        for (std::size_t j = 0; j < out.exposed_to.rows(); ++j) {
            for (std::uint64_t k = out.exposed_to.start[j]; k < out.exposed_to.start[j + 1]; ++k) {
                const double c = out.capital[out.exposed_to.column[k]];
                out.weight[k] = c > 0 ? std::min(1.0, out.exposed_to.value[k] / c) : 1.0;
            }
        }
    }
    if (options.model == Model::linear_debtrank) {
        out.pulled = transpose(out.exposed_to, out.weight, network.entity_count());
    }
}

void prepare_clearing(const Network& network, ClearingInputs& out) {
    const std::size_t n = network.entity_count();
    Diagnostics problems;
    out.assets.assign(n, 0);
    out.liabilities.assign(n, 0);
    auto take = [&](EntityIndex i, const std::optional<Dollars>& value, std::string_view name,
                    std::string_view meaning, std::vector<Dollars>& into) {
        if (!value) {
            problems.add(entity_problem(network, i,
                                        std::string(name) + " is missing (clearing needs " +
                                            std::string(meaning) + ")"));
        } else if (!std::isfinite(*value) || *value < 0) {
            problems.add(entity_problem(network, i,
                                        std::string(name) + " = " + format_amount(*value) +
                                            " is negative (expected >= 0)"));
        } else {
            into[i] = *value;
        }
    };
    for (EntityIndex i = 0; i < n; ++i) {
        const Entity& entity = network.entity(i);
        take(i, entity.assets, "assets", "external assets, outside the network", out.assets);
        take(i, entity.liabilities, "liabilities", "external liabilities, owed outside the network",
             out.liabilities);
    }
    problems.throw_if_any();
    out.obligations = build_obligations(network);
    out.pbar.resize(n);
    for (EntityIndex i = 0; i < n; ++i) {
        out.pbar[i] = out.obligations.network_owed[i] + out.liabilities[i];
        if (!std::isfinite(out.pbar[i])) {
            problems.add(entity_problem(network, i,
                                        "total obligations overflow (not a finite number of dollars)"));
        }
    }
    problems.throw_if_any();
}

}  // namespace

PreparedNetwork prepare(const Network& network, const StressOptions& options) {
    check_options(options);
    PreparedNetwork prepared;
    prepared.options = options;
    prepared.entity_count = network.entity_count();
    if (options.model == Model::clearing) {
        prepare_clearing(network, prepared.clearing);
        // The unshocked network: `distressed` and equity losses are measured against it.
        ClearingEngine engine(prepared);
        engine.run({}, false);
        prepared.clearing.baseline = engine.as_baseline();
    } else {
        prepare_cascade(network, options, prepared.cascade);
    }
    return prepared;
}

}  // namespace crashchain
