#pragma once
// A hand-written SVG histogram (no plotting dependency): the Monte Carlo loss distribution
// with VaR and ES marked as vertical lines.

#include <string>
#include <vector>

namespace crashchain {

struct HistogramMarker {
    double value = 0;
    std::string label;  ///< e.g. `VaR 99% 12.3%`
    std::string color;  ///< SVG colour
    bool dashed = false;
};

struct HistogramOptions {
    std::string title;
    std::string x_label;
    std::string y_label = "share of scenarios";
    std::size_t bins = 40;
    bool x_as_percent = true;  ///< tick labels as percentages of 1
    int width = 760;
    int height = 440;
};

/// Bins `values` over [0, max(values, markers)] (equal widths; the maximum falls in the last
/// bin) and draws bar heights as the share of values in each bin.
[[nodiscard]] std::string render_histogram_svg(const std::vector<double>& values,
                                               const std::vector<HistogramMarker>& markers,
                                               const HistogramOptions& options);

/// Round tick step (1, 2 or 5 times a power of ten) giving about `target` ticks over `span`.
[[nodiscard]] double nice_step(double span, int target);

}  // namespace crashchain
