#include "report/histogram.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace crashchain {
namespace {

std::string escape(const std::string& text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string number(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", v);
    return buffer;
}

std::string tick_label(double v, double step, bool percent) {
    const double shown = percent ? v * 100 : v;
    const double shown_step = percent ? step * 100 : step;
    const int decimals =
        shown_step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(shown_step) - 1e-9));
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.*f%s", decimals, shown, percent ? "%" : "");
    return buffer;
}

}  // namespace

double nice_step(double span, int target) {
    if (!(span > 0)) return 1.0;
    const double raw = span / std::max(1, target);
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    const double fraction = raw / power;
    const double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
    return nice * power;
}

std::string render_histogram_svg(const std::vector<double>& values,
                                 const std::vector<HistogramMarker>& markers,
                                 const HistogramOptions& options) {
    const double left = 70, right = 20, top = 48, bottom = 56;
    const double plot_w = options.width - left - right;
    const double plot_h = options.height - top - bottom;
    const std::size_t bins = std::max<std::size_t>(1, options.bins);

    double hi = 0;
    for (const double v : values) hi = std::max(hi, v);
    for (const auto& m : markers) hi = std::max(hi, m.value);
    const double x_step = nice_step(hi > 0 ? hi : 1.0, 8);
    const double x_max = hi > 0 ? std::ceil(hi / x_step - 1e-9) * x_step : x_step;
    const double bin_width = x_max / static_cast<double>(bins);

    std::vector<std::size_t> counts(bins, 0);
    for (const double v : values) {
        const auto b = static_cast<std::size_t>(std::max(0.0, v) / bin_width);
        ++counts[std::min(b, bins - 1)];
    }
    const double total = values.empty() ? 1.0 : static_cast<double>(values.size());
    double top_share = 0;
    for (const auto c : counts) top_share = std::max(top_share, static_cast<double>(c) / total);
    const double y_step = nice_step(top_share > 0 ? top_share : 1.0, 5);
    const double y_max = top_share > 0 ? std::ceil(top_share / y_step - 1e-9) * y_step : y_step;

    auto x_of = [&](double v) { return left + plot_w * v / x_max; };
    auto y_of = [&](double share) { return top + plot_h * (1.0 - share / y_max); };

    std::string svg;
    svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(options.width) +
           "\" height=\"" + std::to_string(options.height) + "\" viewBox=\"0 0 " +
           std::to_string(options.width) + " " + std::to_string(options.height) +
           "\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n";
    svg += "<rect width=\"100%\" height=\"100%\" fill=\"white\" stroke=\"none\"/>\n";
    svg += "<text stroke=\"none\" x=\"" + number(options.width / 2.0) +
           "\" y=\"24\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\">" +
           escape(options.title) + "</text>\n";

    // Grid and y ticks.
    for (double t = 0; t <= y_max + y_step / 2; t += y_step) {
        const std::string y = number(y_of(t));
        svg += "<line x1=\"" + number(left) + "\" y1=\"" + y + "\" x2=\"" + number(left + plot_w) +
               "\" y2=\"" + y + "\" stroke=\"#e5e5e5\"/>\n";
        svg += "<text stroke=\"none\" x=\"" + number(left - 6) + "\" y=\"" + y +
               "\" text-anchor=\"end\" dominant-baseline=\"middle\">" +
               tick_label(t, y_step, true) + "</text>\n";
    }
    // Bars.
    for (std::size_t b = 0; b < bins; ++b) {
        if (counts[b] == 0) continue;
        const double share = static_cast<double>(counts[b]) / total;
        const double x = x_of(static_cast<double>(b) * bin_width);
        const double w = std::max(0.5, x_of(bin_width) - left - 1.0);
        svg += "<rect x=\"" + number(x + 0.5) + "\" y=\"" + number(y_of(share)) + "\" width=\"" +
               number(w) + "\" height=\"" + number(top + plot_h - y_of(share)) +
               "\" fill=\"#4a78b5\" stroke=\"none\"><title>" +
               tick_label(static_cast<double>(b) * bin_width, x_step / 10, options.x_as_percent) +
               " to " +
               tick_label(static_cast<double>(b + 1) * bin_width, x_step / 10, options.x_as_percent) +
               ": " + std::to_string(counts[b]) + " of " + std::to_string(values.size()) +
               "</title></rect>\n";
    }
    // Axes and x ticks.
    svg += "<line x1=\"" + number(left) + "\" y1=\"" + number(top + plot_h) + "\" x2=\"" +
           number(left + plot_w) + "\" y2=\"" + number(top + plot_h) + "\" stroke=\"black\"/>\n";
    svg += "<line x1=\"" + number(left) + "\" y1=\"" + number(top) + "\" x2=\"" + number(left) +
           "\" y2=\"" + number(top + plot_h) + "\" stroke=\"black\"/>\n";
    for (double t = 0; t <= x_max + x_step / 2; t += x_step) {
        const std::string x = number(x_of(t));
        svg += "<line x1=\"" + x + "\" y1=\"" + number(top + plot_h) + "\" x2=\"" + x + "\" y2=\"" +
               number(top + plot_h + 5) + "\" stroke=\"black\"/>\n";
        svg += "<text stroke=\"none\" x=\"" + x + "\" y=\"" + number(top + plot_h + 18) +
               "\" text-anchor=\"middle\">" + tick_label(t, x_step, options.x_as_percent) +
               "</text>\n";
    }
    svg += "<text stroke=\"none\" x=\"" + number(left + plot_w / 2) + "\" y=\"" + number(options.height - 12.0) +
           "\" text-anchor=\"middle\">" + escape(options.x_label) + "</text>\n";
    svg += "<text stroke=\"none\" transform=\"translate(16," + number(top + plot_h / 2) +
           ") rotate(-90)\" text-anchor=\"middle\">" + escape(options.y_label) + "</text>\n";
    // Marker lines first, then their labels stacked from the top so close lines stay readable.
    for (const auto& marker : markers) {
        const std::string x = number(x_of(marker.value));
        svg += "<line x1=\"" + x + "\" y1=\"" + number(top) + "\" x2=\"" + x + "\" y2=\"" +
               number(top + plot_h) + "\" stroke=\"" + marker.color + "\" stroke-width=\"2\"" +
               (marker.dashed ? " stroke-dasharray=\"6,4\"" : "") + "/>\n";
    }
    for (std::size_t m = 0; m < markers.size(); ++m) {
        const auto& marker = markers[m];
        const bool right_side = x_of(marker.value) > left + plot_w * 0.75;
        const double label_x = x_of(marker.value) + (right_side ? -4 : 4);
        const double label_y = top + 14 + 15.0 * static_cast<double>(m);
        // A white box under the label keeps it readable over bars and other lines (about 6.6 px
        // per character at 12 px; a halo via paint-order is not rendered everywhere).
        const double box_w = 6.6 * static_cast<double>(marker.label.size()) + 4;
        svg += "<rect x=\"" + number(right_side ? label_x - box_w + 2 : label_x - 2) + "\" y=\"" +
               number(label_y - 11) + "\" width=\"" + number(box_w) +
               "\" height=\"14\" fill=\"white\" fill-opacity=\"0.85\" stroke=\"none\"/>\n";
        svg += "<text stroke=\"none\" x=\"" + number(label_x) + "\" y=\"" + number(label_y) + "\" fill=\"" +
               marker.color + "\" text-anchor=\"" + (right_side ? "end" : "start") + "\">" +
               escape(marker.label) + "</text>\n";
    }
    svg += "</svg>\n";
    return svg;
}

}  // namespace crashchain
