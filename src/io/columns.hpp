#pragma once
// What the JSON and CSV writers share: the known fields of entities and contracts as (name,
// text) pairs in one fixed order, and the check that a pass-through attribute does not collide
// with a name those formats reserve (DOT allows `a [id=x]` or `a -> b [from=x]`; JSON and CSV
// would turn them into a different entity or contract).

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/network.hpp"

namespace crashchain::detail {

struct Field {
    std::string_view name;
    std::string text;                 ///< exact text (format_exact for numbers)
    std::optional<double> number;     ///< set for figures (JSON writes them as numbers)
};

/// Exact text of a dollar figure: `118.9B` when that reads back bit-identical, else the
/// shortest exact decimal (`format_exact`).
[[nodiscard]] std::string dollars_text(Dollars value);

/// Known entity fields that are present (type, label, capital, ...), excluding `id`.
[[nodiscard]] std::vector<Field> entity_fields(const Entity& entity);
/// Known contract fields (kind, amount always; status when not signed; stake, lgd, term when
/// present), excluding `from` and `to`.
[[nodiscard]] std::vector<Field> contract_fields(const Contract& contract);

/// Names of the known fields, in the order the functions above produce them.
[[nodiscard]] const std::vector<std::string_view>& entity_field_names();
[[nodiscard]] const std::vector<std::string_view>& contract_field_names();

/// InputError if an entity attribute is called `id` or a contract attribute `from`/`to`.
void check_reserved_attributes(const Network& network, std::string_view format);

}  // namespace crashchain::detail
