#pragma once
// Outputs of `crashchain stress` and `crashchain rank` (SPEC 4): text tells the crash chain
// round by round with the "because" of every default, Markdown is the same as a report, JSON
// follows SPEC 4 field for field, CSV is one row per entity (or per ranked entity).

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "contagion/stress.hpp"
#include "report/format.hpp"
#include "scenario/rank.hpp"

namespace crashchain {

/// What a stress report needs beyond the result: the network (ids, contracts for the
/// "because"), the options (lgd, alpha/beta) and the shock.
struct StressContext {
    const Network& network;
    const StressOptions& options;
    const ShockVector& shock;
    std::string name;  ///< the network's name in titles
};

[[nodiscard]] std::string render_stress(const StressContext& context, const StressResult& result,
                                        Format format);

/// SPEC 4: {model, entities[...], rounds[...], summary{...}}; fields a model does not define
/// are omitted; `round` is null when there is none; rounds list ids sorted.
[[nodiscard]] nlohmann::ordered_json stress_json(const Network& network,
                                                 const StressResult& result);

/// The crash chain as lines: the shock, then one line per default (per distressed entity for
/// DebtRank), with the exposures or shortfalls that caused it. At most `limit` entity lines
/// per round; the rest are counted.
[[nodiscard]] std::vector<std::string> crash_chain(const StressContext& context,
                                                   const StressResult& result,
                                                   std::size_t limit = 12);

[[nodiscard]] std::string render_rank(const Network& network, const RankResult& result,
                                      std::string_view name, Format format);

}  // namespace crashchain
