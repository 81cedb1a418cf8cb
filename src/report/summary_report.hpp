#pragma once

#include <string>

#include "model/summary.hpp"
#include "report/format.hpp"

namespace crashchain {

/// `validate` output in any format; JSON fields per SPEC 5.
[[nodiscard]] std::string render_summary(const NetworkSummary& summary, std::string_view name,
                                         Format format);

}  // namespace crashchain
