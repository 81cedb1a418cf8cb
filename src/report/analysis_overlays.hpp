#pragma once
// What the analyses draw on the network diagram: circular deals (cycles highlighted, strongly
// connected components boxed) and the crash chain of a stress run (entities coloured by the
// round they fail, the contracts that transmitted losses in bold with the loss on the label).

#include "circularity/cycles.hpp"
#include "circularity/scc.hpp"
#include "contagion/stress.hpp"
#include "report/diagram.hpp"

namespace crashchain {

[[nodiscard]] DiagramOverlay cycle_overlay(const Network& network, const CycleResult& cycles,
                                           const SccResult& components);

/// `options` gives the lgd used to label each transmitting contract with its loss.
[[nodiscard]] DiagramOverlay stress_overlay(const Network& network, const StressResult& result,
                                            const StressOptions& options);

}  // namespace crashchain
