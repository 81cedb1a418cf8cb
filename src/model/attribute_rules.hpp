#pragma once
// How a (key, value) attribute read from any format lands in an Entity or a Contract, with the
// SPEC 1.7 checks. Every reader goes through these functions, so the formats agree.

#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "model/network.hpp"

namespace crashchain {

/// Where a value came from, for diagnostics.
struct SourceLocation {
    std::string_view file;
    std::optional<std::size_t> line;
};

/// User text quoted back in a message: at most `limit` bytes, cut at a UTF-8 character
/// boundary and followed by "..." when longer, so a 100 MB id never becomes a 100 MB message;
/// control characters escaped (`\n`, `\x01`), so a message stays on one line.
[[nodiscard]] std::string shorten(std::string_view text, std::size_t limit = 60);

/// `entity ID` / `contract FROM->TO` for messages (ids shortened).
[[nodiscard]] std::string entity_subject(std::string_view id);
[[nodiscard]] std::string contract_subject(std::string_view from, std::string_view to);

/// Applies one entity attribute (not `id`). Empty values mean absent and are ignored.
void apply_entity_attribute(Entity& entity, std::string_view key, std::string_view value,
                            const SourceLocation& where, Diagnostics& diagnostics);

/// Tracks required contract fields while attributes are applied.
struct ContractFieldsSeen {
    bool kind = false;
    bool amount = false;
};

/// Applies one contract attribute (not `from`/`to`). Empty values mean absent and are ignored.
void apply_contract_attribute(Contract& contract, ContractFieldsSeen& seen, std::string_view key,
                              std::string_view value, std::string_view subject,
                              const SourceLocation& where, Diagnostics& diagnostics);

/// Reports missing `kind` / `amount`.
void check_contract_required(const ContractFieldsSeen& seen, std::string_view subject,
                             const SourceLocation& where, Diagnostics& diagnostics);

/// Whole-network checks after reading: empty network, negative derived capital, totals that
/// overflow. `contracts_file` (when the contracts come from another file) is named for the latter.
void check_network(const Network& network, std::string_view file, Diagnostics& diagnostics,
                   std::string_view contracts_file = {});

/// Text for a number attribute on output (inverse of the readers).
[[nodiscard]] std::string attribute_text(double value);

}  // namespace crashchain
