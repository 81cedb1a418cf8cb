#pragma once
// Every circularity analysis of SPEC 2 on one network, from one shared index: what
// `crashchain cycles` reports (SPEC 4, 6) and what the diagram highlights.

#include <vector>

#include "circularity/circulation.hpp"
#include "circularity/cycles.hpp"
#include "circularity/round_trip.hpp"
#include "circularity/scc.hpp"
#include "circularity/vendor_financing.hpp"

namespace crashchain {

struct CircularityOptions {
    CycleOptions cycles;
    /// Most vendor-financing flags listed (the largest returned amounts); --limit.
    std::size_t vendor_financing_limit = 100000;
};

struct CircularityReport {
    SccResult sccs;
    CycleResult cycles;
    CirculationResult circulation;
    std::vector<RoundTrip> round_trips;
    std::vector<VendorFinancing> vendor_financing;
};

[[nodiscard]] CircularityReport analyze_circularity(const Network& network,
                                                   const CircularityOptions& options);

}  // namespace crashchain
