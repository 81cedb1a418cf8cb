#pragma once
// Contract kinds and statuses. The kind table (SPEC 1.5/1.6) lives in contract_kind.cpp only.

#include <array>
#include <optional>
#include <string_view>

namespace crashchain {

enum class ContractKind : unsigned char {
    equity, loan, bond, credit, lease, purchase, guarantee, warrant
};
inline constexpr std::size_t kContractKindCount = 8;
inline constexpr std::array<ContractKind, kContractKindCount> kAllContractKinds{
    ContractKind::equity, ContractKind::loan, ContractKind::bond, ContractKind::credit,
    ContractKind::lease, ContractKind::purchase, ContractKind::guarantee, ContractKind::warrant};

/// Which end of an edge `from -> to` bears the loss when the other end fails.
enum class ExposedSide : unsigned char { source, target };

/// Who owes whom, for clearing (SPEC 1.6).
enum class Obligor : unsigned char {
    none,    ///< not an obligation (equity, guarantee, warrant)
    target,  ///< the target owes the source (loan, bond, credit)
    source,  ///< the source owes the target (purchase, lease)
};

struct KindInfo {
    std::string_view name;
    ExposedSide exposed;
    double default_lgd;
    Obligor obligor;
};

[[nodiscard]] const KindInfo& kind_info(ContractKind kind);
[[nodiscard]] std::string_view to_string(ContractKind kind);
[[nodiscard]] std::optional<ContractKind> parse_contract_kind(std::string_view text);
/// `equity, loan, ...` for messages.
[[nodiscard]] std::string_view contract_kind_list();

enum class ContractStatus : unsigned char { signed_, reported, loi, talks, estimate };
inline constexpr std::size_t kContractStatusCount = 5;
[[nodiscard]] std::string_view to_string(ContractStatus status);
[[nodiscard]] std::optional<ContractStatus> parse_contract_status(std::string_view text);
[[nodiscard]] std::string_view contract_status_list();

/// Entity types of SPEC 1.2 (others are accepted with a validation warning).
[[nodiscard]] bool is_known_entity_type(std::string_view type);
[[nodiscard]] std::string_view entity_type_list();

}  // namespace crashchain
