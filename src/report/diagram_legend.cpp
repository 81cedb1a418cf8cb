#include "report/diagram_legend.hpp"

#include <algorithm>
#include <set>
#include <sstream>

#include "report/diagram_quote.hpp"
#include "report/diagram_style.hpp"

namespace crashchain {
namespace {

// The legend is a cluster of real sample nodes for the entity types (so their shapes show) and
// one HTML table for everything else. Line samples are drawn with table cells rather than real
// edges: dot would give sample edges the rank spacing of the whole diagram.

/// `#rrggbbaa` without its alpha, so captions stay readable; other colours as they are.
std::string_view opaque(std::string_view color) {
    return color.size() == 9 && color.front() == '#' ? color.substr(0, 7) : color;
}

std::string cell(int width, std::string_view color) {
    std::string text = "<TD FIXEDSIZE=\"TRUE\" WIDTH=\"" + std::to_string(width) +
                       "\" HEIGHT=\"3\"";
    if (!color.empty()) text += " BGCOLOR=\"" + dot_text::html(color) + "\"";
    return text + "></TD>";
}

/// A 30-point line sample in the edge style (solid, dashed or dotted) with an arrowhead.
std::string line_sample(std::string_view color, std::string_view style, bool hollow_arrow) {
    std::string bar;
    if (style == "dashed") {
        for (int i = 0; i < 3; ++i) bar += cell(7, color) + cell(3, "");
    } else if (style == "dotted") {
        for (int i = 0; i < 6; ++i) bar += cell(2, color) + cell(3, "");
    } else {
        bar = cell(30, color);
    }
    return "<TABLE BORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\"><TR>" + bar +
           "<TD><FONT COLOR=\"" + dot_text::html(opaque(color)) + "\">" +
           (hollow_arrow ? "&#9655;" : "&#9654;") + "</FONT></TD></TR></TABLE>";
}

class LegendTable {
public:
    void swatch(const std::string& caption, std::string_view fill, std::string_view border) {
        rows_ += "<TR><TD FIXEDSIZE=\"TRUE\" WIDTH=\"30\" HEIGHT=\"12\" BORDER=\"1\" COLOR=\"" +
                 dot_text::html(border) + "\" BGCOLOR=\"" + dot_text::html(fill) +
                 "\"></TD><TD ALIGN=\"LEFT\">" + dot_text::html(caption) + "</TD></TR>";
    }
    void line(const std::string& caption, std::string_view color, std::string_view style,
              bool hollow_arrow = false) {
        rows_ += "<TR><TD>" + line_sample(color, style, hollow_arrow) +
                 "</TD><TD ALIGN=\"LEFT\"><FONT COLOR=\"" + dot_text::html(opaque(color)) + "\">" +
                 dot_text::html(caption) + "</FONT></TD></TR>";
    }
    void note(const std::string& text) {
        rows_ += "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">" + dot_text::html(text) + "</TD></TR>";
    }
    [[nodiscard]] bool empty() const { return rows_.empty(); }
    [[nodiscard]] std::string html() const {
        return "<<TABLE BORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"1\">" + rows_ + "</TABLE>>";
    }

private:
    std::string rows_;
};

void overlay_entries(LegendTable& table, const DiagramOverlay& overlay) {
    std::set<unsigned> rounds;
    for (const auto& [entity, mark] : overlay.entities) {
        if (mark.round) rounds.insert(*mark.round);
    }
    for (unsigned round : rounds) {
        table.swatch(round == 0 ? "shocked" : "round " + std::to_string(round), round_fill(round),
                     "#333333");
    }
    const bool edge_entry = std::any_of(overlay.legend.begin(), overlay.legend.end(),
                                        [](const LegendEntry& e) { return e.edge; });
    if (!overlay.contracts.empty() && !edge_entry) {
        table.line("highlighted", kEmphasisColor, "solid");
    }
    for (const auto& entry : overlay.legend) {
        if (entry.edge) {
            table.line(entry.caption, entry.color, "solid");
        } else {
            table.swatch(entry.caption, entry.color, "#333333");
        }
    }
    if (!overlay.unmarked_caption.empty()) {
        if (overlay.fade_unmarked) {
            table.swatch(overlay.unmarked_caption, FadedStyle::fill, FadedStyle::border);
        } else {
            table.swatch(overlay.unmarked_caption, "#ffffff", "#333333");
        }
    }
}

void network_entries(LegendTable& table, const Network& network) {
    std::vector<bool> kinds(kContractKindCount, false);
    std::vector<bool> statuses(kContractStatusCount, false);
    for (const auto& c : network.contracts()) {
        kinds[static_cast<std::size_t>(c.kind)] = true;
        statuses[static_cast<std::size_t>(c.status)] = true;
    }
    for (ContractKind kind : kAllContractKinds) {
        if (!kinds[static_cast<std::size_t>(kind)]) continue;
        const auto& style = contract_kind_style(kind);
        table.line(std::string(to_string(kind)), style.color, style.style);
    }
    const auto has = [&](ContractStatus s) { return statuses[static_cast<std::size_t>(s)]; };
    if (has(ContractStatus::loi) || has(ContractStatus::talks)) {
        table.line("(loi), (talks): non-binding", "#55555599", "solid", true);
    }
    if (has(ContractStatus::reported)) table.note("(reported): press report, unconfirmed");
    if (has(ContractStatus::estimate)) table.note("~$: estimated amount (not disclosed)");
    if (network.contract_count() != 0) {
        table.note("arrows follow the money");
        table.note("line width: amount (log scale)");
    }
}

}  // namespace

std::string diagram_legend(const Network& network, const DiagramOverlay& overlay,
                           const std::vector<bool>& drawn, const std::string& prefix) {
    // The prefix is ASCII and ends in ':', so these names are always spellable.
    const auto name = [&](const std::string& suffix) {
        return *dot_text::node_name(prefix + suffix);
    };
    std::ostringstream out;
    LegendTable overlay_table;
    overlay_entries(overlay_table, overlay);
    if (!overlay_table.empty()) {
        out << "    " << name("overlay") << " [shape=plaintext, label=" << overlay_table.html()
            << "];\n";
    }
    std::set<std::string_view> types;
    for (EntityIndex i = 0; i < network.entity_count(); ++i) {
        if (drawn[i]) types.insert(entity_type_style(network.entity(i).type).type);
    }
    // When the overlay recolours entities, fill no longer means type: show shapes only.
    const bool recoloured =
        overlay.fade_unmarked ||
        std::any_of(overlay.entities.begin(), overlay.entities.end(), [](const auto& entry) {
            return entry.second.round.has_value() || !entry.second.fill.empty();
        });
    for (const auto& style : entity_type_styles()) {
        if (types.count(style.type) == 0) continue;
        out << "    " << name("type:" + std::string(style.type)) << " [label=\"" << style.type
            << "\", shape=" << style.shape << ", style=\"" << style.style << "\", fillcolor=\""
            << (recoloured ? "#ffffff" : style.fill) << "\", color=\""
            << (recoloured ? kMarkedBorder : style.border) << "\"";
        if (style.peripheries != 1) out << ", peripheries=" << style.peripheries;
        out << "];\n";
    }
    LegendTable network_table;
    network_entries(network_table, network);
    if (!network_table.empty()) {
        out << "    " << name("contracts") << " [shape=plaintext, label=" << network_table.html()
            << "];\n";
    }
    const std::string body = out.str();
    if (body.empty()) return "";  // nothing to explain
    return "  subgraph cluster_legend {\n"
           "    label=<<B>Legend</B>>; fontsize=12; style=rounded; color=\"#aaaaaa\";\n"
           "    node [fontsize=10, height=0.3, margin=\"0.08,0.03\", penwidth=1.2];\n" +
           body + "  }\n";
}

}  // namespace crashchain
