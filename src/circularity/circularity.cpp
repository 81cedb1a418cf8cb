#include "circularity/circularity.hpp"

namespace crashchain {

CircularityReport analyze_circularity(const Network& network, const CircularityOptions& options) {
    const CircularityIndex index = index_circularity(network);
    CircularityReport report;
    report.sccs = strongly_connected(network, index);
    report.cycles = find_cycles(network, index, options.cycles);
    report.circulation = max_circulation(network, index);
    report.round_trips = round_trips(network, index);
    report.vendor_financing =
        find_vendor_financing(network, index, options.vendor_financing_limit);
    return report;
}

}  // namespace crashchain
