#pragma once
// A contagion model as a function of the initial shock, with the network and options bound
// in: what scenarios, Monte Carlo and reverse stress evaluate (tests pass small fakes).

#include <functional>

#include "contagion/stress.hpp"

namespace crashchain {

using StressFunction = std::function<StressResult(const ShockVector&)>;

}  // namespace crashchain
