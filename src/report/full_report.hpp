#pragma once
// `crashchain report`: the whole analysis of a network as one Markdown report (report.md) plus
// a short terminal summary. The command computes; this file only formats.

#include <optional>
#include <string>
#include <vector>

#include "circularity/circulation.hpp"
#include "circularity/cycles.hpp"
#include "circularity/scc.hpp"
#include "contagion/stress.hpp"
#include "model/summary.hpp"
#include "scenario/rank.hpp"

namespace crashchain {

/// One contagion model: its systemic ranking and the crash chain of one default.
struct ModelSection {
    Model model = Model::furfine;
    StressOptions options;
    std::optional<std::string> unavailable;  ///< why the model could not run on this network
    RankResult rank;
    EntityIndex featured = kNoEntity;  ///< whose default is told as the crash chain
    ShockVector shock;
    StressResult chain;
    std::string diagram_file;  ///< the chain diagram, relative to the report folder
};

struct FullReportData {
    std::string name;
    NetworkSummary summary;
    SccResult components;
    CycleResult cycles;
    CirculationResult circulation;
    std::string network_diagram;  ///< file names relative to the report folder
    std::string cycles_diagram;
    std::vector<ModelSection> models;
    std::size_t top = 10;  ///< rows per table
};

[[nodiscard]] std::string render_full_report(const Network& network, const FullReportData& data);
/// A few lines for the terminal: size, circularity, the most systemic entity per model.
[[nodiscard]] std::string render_report_summary(const Network& network,
                                                const FullReportData& data,
                                                const std::string& folder);

}  // namespace crashchain
