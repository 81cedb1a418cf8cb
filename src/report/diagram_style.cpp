#include "report/diagram_style.hpp"

#include <algorithm>
#include <cstdlib>

namespace crashchain {
namespace {

// Shapes hint at what the entity is (a chip box, a fund's pool, a bank's house), fills group the
// compute providers in blues, financiers in warm tints.
constexpr std::array<EntityTypeStyle, kEntityTypeStyleCount> kTypeStyles{{
    {"lab", "ellipse", "filled", "#f6d8e8", "#aa3377", 1},
    {"chipmaker", "box3d", "filled", "#c9ebdd", "#009e73", 1},
    {"cloud", "box", "rounded,filled", "#d4e6f4", "#0072b2", 1},
    {"hyperscaler", "box", "rounded,filled", "#a9ccea", "#0072b2", 2},
    {"neocloud", "hexagon", "filled", "#ddf1fb", "#56b4e9", 1},
    {"spv", "folder", "filled", "#faf3b8", "#a89500", 1},
    {"fund", "cylinder", "filled", "#fce4b6", "#e69f00", 1},
    {"bank", "house", "filled", "#f9d5c0", "#d55e00", 1},
    {"investor", "octagon", "filled", "#eadfcb", "#8c6d46", 1},
    {"sovereign", "doubleoctagon", "filled", "#dcdcec", "#5e5e8c", 1},
    {"other", "box", "filled", "#efefef", "#7f7f7f", 1},
}};

// Debt is red and dashed (darker = longer-dated), equity blue, trade flows green/orange.
constexpr std::array<ContractKindStyle, kContractKindCount> kKindStyles{{
    {ContractKind::equity, "#0072b2", "solid"},
    {ContractKind::loan, "#b2182b", "dashed"},
    {ContractKind::bond, "#67001f", "dashed"},
    {ContractKind::credit, "#d6604d", "dashed"},
    {ContractKind::lease, "#c77c00", "solid"},
    {ContractKind::purchase, "#009e73", "solid"},
    {ContractKind::guarantee, "#555555", "dotted"},
    {ContractKind::warrant, "#aa3377", "solid"},
}};

// ColorBrewer OrRd, darkest first: the shock is the darkest, each round lighter.
constexpr std::array<std::string_view, 6> kRoundFills{
    "#990000", "#d7301f", "#ef6548", "#fc8d59", "#fdbb84", "#fdd49e"};

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

const std::array<EntityTypeStyle, kEntityTypeStyleCount>& entity_type_styles() {
    return kTypeStyles;
}

const EntityTypeStyle& entity_type_style(std::string_view type) {
    const auto* found = std::find_if(kTypeStyles.begin(), kTypeStyles.end(),
                                     [type](const EntityTypeStyle& s) { return s.type == type; });
    return found != kTypeStyles.end() ? *found : kTypeStyles.back();
}

const ContractKindStyle& contract_kind_style(ContractKind kind) {
    return kKindStyles[static_cast<std::size_t>(kind)];
}

std::string_view status_suffix(ContractStatus status) {
    switch (status) {
        case ContractStatus::reported: return " (reported)";
        case ContractStatus::loi: return " (loi)";
        case ContractStatus::talks: return " (talks)";
        case ContractStatus::signed_:
        case ContractStatus::estimate: return "";
    }
    return "";
}

bool is_non_binding(ContractStatus status) {
    return status == ContractStatus::loi || status == ContractStatus::talks;
}

std::string_view round_fill(unsigned round) {
    return kRoundFills[std::min<std::size_t>(round, kRoundFills.size() - 1)];
}

std::string_view text_color_on(std::string_view fill) {
    if (fill.size() != 7 || fill[0] != '#') return "#000000";
    double channel[3];
    for (int i = 0; i < 3; ++i) {
        const int hi = hex_digit(fill[1 + 2 * i]);
        const int lo = hex_digit(fill[2 + 2 * i]);
        if (hi < 0 || lo < 0) return "#000000";
        channel[i] = (hi * 16 + lo) / 255.0;
    }
    // Perceived brightness (ITU-R BT.601 weights); below the midpoint white text reads better.
    const double brightness = 0.299 * channel[0] + 0.587 * channel[1] + 0.114 * channel[2];
    return brightness < 0.55 ? "#ffffff" : "#000000";
}

}  // namespace crashchain
