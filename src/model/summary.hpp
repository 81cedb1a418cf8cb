#pragma once
// What `crashchain validate` reports (SPEC 5): counts, volume, warnings.

#include <map>
#include <string>
#include <vector>

#include "model/network.hpp"

namespace crashchain {

struct KindTotals {
    std::size_t count = 0;
    Dollars volume = 0;
};

struct NetworkSummary {
    std::size_t entities = 0;
    std::size_t contracts = 0;
    Dollars volume = 0;
    std::map<std::string, KindTotals> by_kind;         ///< kinds present, by name
    std::map<std::string, std::size_t> by_type;        ///< entity types ("" shown as "untyped")
    std::map<std::string, KindTotals> by_status;
    std::size_t self_loops = 0;
    std::vector<std::string> warnings;
};

/// Summary and warnings; a total volume that overflows is an InputError.
[[nodiscard]] NetworkSummary summarize(const Network& network);

}  // namespace crashchain
