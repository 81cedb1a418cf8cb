#pragma once
// The four scenarios shipped in graphs/scenarios/ (issue 4), embedded in the binary like the
// built-in network so that `crashchain report` runs them from any directory.

#include <string_view>
#include <vector>

namespace crashchain {

struct BuiltinScenario {
    std::string_view file;  ///< `graphs/scenarios/atlantic_crash.json`, for messages and titles
    std::string_view text;  ///< the JSON
};

/// In the order the article tells them: the Atlantic crash first.
[[nodiscard]] std::vector<BuiltinScenario> builtin_scenarios();

}  // namespace crashchain
