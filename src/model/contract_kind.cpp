#include "model/contract_kind.hpp"

#include <algorithm>

namespace crashchain {
namespace {

// SPEC 1.5 (exposed party, default lgd) and 1.6 (obligations): the only copy of these facts.
constexpr std::array<KindInfo, kContractKindCount> kKindTable{{
    {"equity", ExposedSide::source, 1.0, Obligor::none},
    {"loan", ExposedSide::source, 0.6, Obligor::target},
    {"bond", ExposedSide::source, 0.6, Obligor::target},
    {"credit", ExposedSide::source, 0.6, Obligor::target},
    {"lease", ExposedSide::target, 0.5, Obligor::source},
    {"purchase", ExposedSide::target, 0.3, Obligor::source},
    {"guarantee", ExposedSide::target, 1.0, Obligor::none},
    {"warrant", ExposedSide::target, 1.0, Obligor::none},
}};

constexpr std::array<std::string_view, kContractStatusCount> kStatusNames{
    "signed", "reported", "loi", "talks", "estimate"};

constexpr std::array<std::string_view, 11> kEntityTypes{
    "lab", "chipmaker", "cloud", "hyperscaler", "neocloud", "spv",
    "fund", "bank", "investor", "sovereign", "other"};

}  // namespace

const KindInfo& kind_info(ContractKind kind) { return kKindTable[static_cast<std::size_t>(kind)]; }

std::string_view to_string(ContractKind kind) { return kind_info(kind).name; }

std::optional<ContractKind> parse_contract_kind(std::string_view text) {
    for (std::size_t i = 0; i < kKindTable.size(); ++i) {
        if (kKindTable[i].name == text) return static_cast<ContractKind>(i);
    }
    return std::nullopt;
}

std::string_view contract_kind_list() {
    return "equity, loan, bond, credit, lease, purchase, guarantee, warrant";
}

std::string_view to_string(ContractStatus status) {
    return kStatusNames[static_cast<std::size_t>(status)];
}

std::optional<ContractStatus> parse_contract_status(std::string_view text) {
    for (std::size_t i = 0; i < kStatusNames.size(); ++i) {
        if (kStatusNames[i] == text) return static_cast<ContractStatus>(i);
    }
    return std::nullopt;
}

std::string_view contract_status_list() { return "signed, reported, loi, talks, estimate"; }

bool is_known_entity_type(std::string_view type) {
    return std::find(kEntityTypes.begin(), kEntityTypes.end(), type) != kEntityTypes.end();
}

std::string_view entity_type_list() {
    return "lab, chipmaker, cloud, hyperscaler, neocloud, spv, fund, bank, investor, sovereign, other";
}

}  // namespace crashchain
