#pragma once

#include <optional>
#include <string>

#include "core/types.hpp"

namespace crashchain {

/// An entity of the network (SPEC 1.2). Figures are optional: a model that needs one an entity
/// lacks fails with an InputError naming both.
struct Entity {
    std::string id;
    std::string type;
    std::string label;
    std::optional<Dollars> capital;  ///< as given; see effective_capital()
    std::optional<Dollars> assets;
    std::optional<Dollars> liabilities;
    std::optional<Dollars> hardware;
    std::optional<Dollars> valuation;
    std::optional<Dollars> revenue;
    /// `source`, `note` and unknown attributes, in input order.
    Attributes attributes;

    /// `capital` if given, else `assets - liabilities` when both are given (SPEC 1.2).
    [[nodiscard]] std::optional<Dollars> effective_capital() const {
        if (capital) return capital;
        if (assets && liabilities) return *assets - *liabilities;
        return std::nullopt;
    }
    [[nodiscard]] const std::string& display_name() const { return label.empty() ? id : label; }
};

}  // namespace crashchain
