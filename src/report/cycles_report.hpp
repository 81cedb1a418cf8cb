#pragma once
// `crashchain cycles` output (SPEC 4, 6): strongly connected components, elementary cycles,
// circulation, round trips and vendor-financing flags in text, Markdown, JSON or CSV.

#include <string>
#include <string_view>

#include "circularity/circularity.hpp"
#include "report/format.hpp"

namespace crashchain {

struct CyclesReportOptions {
    std::size_t top = 10;     ///< rows per table in text and Markdown (JSON lists everything)
    std::size_t limit = 0;    ///< the --limit the cycles were listed under (for the notes)
    std::size_t max_length = 0;
};

/// JSON: {sccs, cycles[{nodes, kinds, bottleneck, volume, length}], cycle_count, truncated,
/// circulation{value, total, share}, round_trip[{id, outflow, returns, ratio}],
/// vendor_financing[{investor, nodes, kinds, investment, returned, share}]}. CSV: one row per
/// cycle. Text and Markdown: the top rows of every table.
[[nodiscard]] std::string render_cycles(const Network& network, const CircularityReport& report,
                                        std::string_view name, Format format,
                                        const CyclesReportOptions& options);

/// The Markdown sections (cycles, components, circulation, round trips, vendor financing)
/// under headings of the given level (`##`, `###`), for embedding in a larger report.
[[nodiscard]] std::string render_cycles_sections(const Network& network,
                                                 const CircularityReport& report,
                                                 const CyclesReportOptions& options,
                                                 std::string_view heading);

}  // namespace crashchain
