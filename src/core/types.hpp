#pragma once
// Vocabulary types shared by every area of crashchain.

#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

namespace crashchain {

using EntityIndex = std::uint32_t;
using ContractIndex = std::uint32_t;
using Dollars = double;

inline constexpr EntityIndex kNoEntity = std::numeric_limits<EntityIndex>::max();

/// Text attributes in input order (known provenance fields and unknown pass-through attributes).
using Attributes = std::vector<std::pair<std::string, std::string>>;

}  // namespace crashchain
