#pragma once
// The visual vocabulary of crashchain diagrams (docs/diagrams.md): entity type -> shape and
// colours, contract kind -> line colour and style, status -> arrowhead and label suffix, default
// round -> fill. One table per fact, here only, so the legend and the drawing never disagree.
//
// Colours come from the Okabe–Ito palette (distinguishable with the common colour-vision
// deficiencies), light tints for node fills so black text stays readable, and every type and
// kind is also told apart by shape or line style, never by colour alone.

#include <array>
#include <string_view>

#include "model/contract_kind.hpp"

namespace crashchain {

struct EntityTypeStyle {
    std::string_view type;    ///< SPEC 1.2 type name; `other` also covers unknown types
    std::string_view shape;   ///< Graphviz node shape
    std::string_view style;   ///< Graphviz node style (`filled` or `rounded,filled`)
    std::string_view fill;    ///< fill colour
    std::string_view border;  ///< outline colour
    int peripheries;          ///< 2 draws a double outline (hyperscalers)
};

struct ContractKindStyle {
    ContractKind kind;
    std::string_view color;  ///< line, arrow and label colour
    std::string_view style;  ///< Graphviz edge style: solid, dashed, dotted
};

inline constexpr std::size_t kEntityTypeStyleCount = 11;

/// Every entity type in SPEC order (the legend lists them in this order).
[[nodiscard]] const std::array<EntityTypeStyle, kEntityTypeStyleCount>& entity_type_styles();
/// The style of a type; unknown or empty types get the `other` style.
[[nodiscard]] const EntityTypeStyle& entity_type_style(std::string_view type);
[[nodiscard]] const ContractKindStyle& contract_kind_style(ContractKind kind);

/// Suffix after the edge label: ` (reported)`, ` (loi)`, ` (talks)`; empty for signed and
/// estimate (an estimate shows `~` before the amount instead).
[[nodiscard]] std::string_view status_suffix(ContractStatus status);
/// loi and talks are non-binding: drawn lighter, with a hollow arrowhead.
[[nodiscard]] bool is_non_binding(ContractStatus status);

/// Fill for an entity that defaults in `round` (0 = shocked): dark red for the shock, lighter
/// with each round, rounds past the palette share its lightest colour.
[[nodiscard]] std::string_view round_fill(unsigned round);
/// Black or white, whichever reads better on `fill` (`#rrggbb`; anything else gives black).
[[nodiscard]] std::string_view text_color_on(std::string_view fill);

/// Colours of elements drawn faded (DiagramOverlay::fade_unmarked) and of emphasis.
struct FadedStyle {
    static constexpr std::string_view fill = "#f4f4f4";
    static constexpr std::string_view border = "#c8c8c8";
    static constexpr std::string_view text = "#a0a0a0";
    static constexpr std::string_view edge = "#d4d4d4";
};
inline constexpr std::string_view kEmphasisColor = "#d7191c";
inline constexpr std::string_view kMarkedBorder = "#333333";  ///< outline of overlay-filled nodes
inline constexpr std::string_view kTextColor = "#1a1a1a";

}  // namespace crashchain
