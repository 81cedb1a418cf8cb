// CSV input (SPEC 1.1): `--edges` (from,to,kind,amount + attribute columns, any order) and
// optional `--nodes` (id + attribute columns). The fast path for millions of contracts: the
// record scanner hands out string_views, ids are looked up without building strings, and
// kind/amount are parsed inline; only rows with extra columns or errors take the general path
// through attribute_rules (which owns every message about attribute values).
#include <filesystem>
#include <functional>
#include <string>
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>

#include "core/amount.hpp"
#include "io/csv_scanner.hpp"
#include "io/locate.hpp"
#include "io/load.hpp"
#include "model/attribute_rules.hpp"

namespace crashchain {
namespace {

/// id -> entity index for the hot path (two lookups per row of a 10M-row file). Open
/// addressing over a flat array of 16-byte slots holding hash bits, the id's length and its
/// first 8 bytes, so a lookup of a short id (most ids) touches one cache line; longer ids are
/// confirmed against a contiguous arena copy of the ids (Network's entities are hundreds of
/// bytes apart: comparing there costs a cache miss per lookup once there are 100k of them).
class IdTable {
public:
    [[nodiscard]] std::optional<EntityIndex> find(std::string_view id) const {
        if (slots_.empty()) return std::nullopt;
        const std::uint64_t h = hash(id);
        const Slot probe = make_slot(id, h, 0);
        for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
            const Slot& slot = slots_[i];
            if (slot.index_plus_one == 0) return std::nullopt;
            if (slot.tag == probe.tag && slot.prefix == probe.prefix) {
                const EntityIndex index = slot.index_plus_one - 1;
                if (id.size() <= sizeof(Slot::prefix) || key(index) == id) return index;
            }
        }
    }

    /// Adds the next entity (indices are added in order 0, 1, 2, ...).
    void insert(std::string_view id) {
        if ((ends_.size() + 1) * 2 > slots_.size()) grow();
        arena_ += id;
        ends_.push_back(arena_.size());
        place(id, static_cast<EntityIndex>(ends_.size() - 1));
    }

    void reserve(std::size_t entities) {
        while (slots_.size() < entities * 2) grow();
        ends_.reserve(entities);
    }

private:
    struct Slot {
        std::uint64_t prefix = 0;          ///< first 8 bytes of the id, zero-padded
        std::uint32_t tag = 0;             ///< 24 hash bits and the id length (capped at 255)
        std::uint32_t index_plus_one = 0;  ///< 0 = empty
    };

    static std::uint64_t hash(std::string_view id) { return std::hash<std::string_view>{}(id); }

    static Slot make_slot(std::string_view id, std::uint64_t h, std::uint32_t index_plus_one) {
        Slot slot;
        std::memcpy(&slot.prefix, id.data(), std::min(id.size(), sizeof slot.prefix));
        slot.tag = static_cast<std::uint32_t>((h >> 40) << 8 | std::min<std::size_t>(id.size(), 255));
        slot.index_plus_one = index_plus_one;
        return slot;
    }
    [[nodiscard]] std::string_view key(EntityIndex index) const {
        const std::size_t begin = index == 0 ? 0 : ends_[index - 1];
        return std::string_view(arena_).substr(begin, ends_[index] - begin);
    }
    void place(std::string_view id, EntityIndex index) {
        const std::uint64_t h = hash(id);
        std::size_t i = h & mask_;
        while (slots_[i].index_plus_one != 0) i = (i + 1) & mask_;
        slots_[i] = make_slot(id, h, index + 1);
    }
    void grow() {
        slots_.assign(slots_.empty() ? 64 : slots_.size() * 2, Slot{});
        mask_ = slots_.size() - 1;
        for (EntityIndex index = 0; index < ends_.size(); ++index) place(key(index), index);
    }

    std::vector<Slot> slots_;
    std::size_t mask_ = 0;
    std::string arena_;              ///< every id, back to back
    std::vector<std::size_t> ends_;  ///< end of each id in arena_, by entity index
};

std::string in_quotes(std::string_view text) {
    std::string quoted = "\"";  // appended: `"\"" + std::string` trips GCC 12 -Wrestrict at -O3
    quoted += text;
    return quoted + "\"";
}

/// Column layout from the header row.
struct Header {
    std::vector<std::string> names;
    std::vector<std::size_t> required;  ///< position of each required column, in `required` order
    std::vector<std::size_t> others;    ///< attribute columns, in file order
};

/// Reads the header; returns nullopt (with diagnostics) if it is missing or lacks a required column.
std::optional<Header> read_header(detail::CsvScanner& scanner, std::string_view file,
                                  const std::vector<std::string_view>& required,
                                  std::string_view expected, Diagnostics& diagnostics) {
    auto problem = [&](std::optional<std::size_t> line, std::string message) {
        diagnostics.add(Diagnostic{std::string(file), line, {}, std::move(message)});
    };
    if (!scanner.next()) {
        problem(std::nullopt, "empty file (expected a header row: " + std::string(expected) + ")");
        return std::nullopt;
    }
    if (!scanner.error().empty()) {
        problem(scanner.line(), scanner.error());
        return std::nullopt;
    }
    Header header;
    header.required.assign(required.size(), 0);
    std::vector<bool> seen(required.size(), false);
    bool ok = true;
    for (std::size_t i = 0; i < scanner.fields().size(); ++i) {
        const std::string name(scanner.fields()[i]);
        if (name.empty()) {
            problem(scanner.line(), "header column " + std::to_string(i + 1) +
                                        " has no name (expected " + std::string(expected) + ")");
            ok = false;
        }
        for (std::size_t j = 0; j < i; ++j) {
            if (!name.empty() && header.names[j] == name) {
                problem(scanner.line(), "header column " + in_quotes(name) + " appears twice");
                ok = false;
            }
        }
        bool is_required = false;
        for (std::size_t r = 0; r < required.size(); ++r) {
            if (name == required[r]) {
                header.required[r] = i;
                seen[r] = true;
                is_required = true;
            }
        }
        if (!is_required) header.others.push_back(i);
        header.names.push_back(name);
    }
    std::string missing;
    std::size_t missing_count = 0;
    for (std::size_t r = 0; r < required.size(); ++r) {
        if (seen[r]) continue;
        missing += (missing.empty() ? "" : ", ") + in_quotes(required[r]);
        ++missing_count;
    }
    if (missing_count > 0) {
        problem(scanner.line(), "header has no " + missing + (missing_count > 1 ? " columns" : " column") +
                                    " (expected " + std::string(expected) + ")");
        ok = false;
    }
    if (!ok) return std::nullopt;
    return header;
}

bool check_field_count(const detail::CsvScanner& scanner, const Header& header,
                       std::string_view file, Diagnostics& diagnostics) {
    if (!scanner.error().empty()) {
        diagnostics.add(Diagnostic{std::string(file), scanner.line(), {}, scanner.error()});
        return false;
    }
    const std::size_t got = scanner.fields().size();
    if (got == header.names.size()) return true;
    diagnostics.add(Diagnostic{std::string(file), scanner.line(), {},
                               std::to_string(got) + (got == 1 ? " field" : " fields") + ", expected " +
                                   std::to_string(header.names.size()) +
                                   " (one per header column; quote fields that hold commas)"});
    return false;
}

void read_nodes(std::istream& in, std::string_view file, Network& network, IdTable& index,
                std::vector<std::size_t>& first_line, Diagnostics& diagnostics) {
    detail::CsvScanner scanner(in);
    constexpr std::string_view kExpected = "id, then optional attribute columns";
    auto header = read_header(scanner, file, {"id"}, kExpected, diagnostics);
    if (!header) return;
    if (auto estimate = scanner.estimated_records()) index.reserve(*estimate);
    while (scanner.next()) {
        if (!check_field_count(scanner, *header, file, diagnostics)) continue;
        const auto& fields = scanner.fields();
        const std::string_view id = fields[header->required[0]];
        const SourceLocation where{file, scanner.line()};
        if (id.empty()) {
            diagnostics.add(Diagnostic{std::string(file), scanner.line(), {},
                                       "missing id (expected an entity id)"});
            continue;
        }
        if (auto found = index.find(id)) {
            diagnostics.add(Diagnostic{std::string(file), scanner.line(), entity_subject(id),
                                       "duplicate id (first on line " +
                                           std::to_string(first_line[*found]) + ")"});
            continue;
        }
        Entity entity;
        entity.id = std::string(id);
        for (const std::size_t column : header->others) {
            apply_entity_attribute(entity, header->names[column], fields[column], where,
                                   diagnostics);
        }
        network.add_entity(std::move(entity));
        index.insert(id);
        first_line.push_back(scanner.line());
    }
}

void read_contracts(std::istream& in, std::string_view file, std::string_view nodes_file,
                    Network& network, IdTable& index, Diagnostics& diagnostics) {
    detail::CsvScanner scanner(in);
    constexpr std::string_view kExpected =
        "from,to,kind,amount in any order, then optional attribute columns";
    auto header = read_header(scanner, file, {"from", "to", "kind", "amount"}, kExpected,
                              diagnostics);
    if (!header) return;
    const std::size_t from_column = header->required[0];
    const std::size_t to_column = header->required[1];
    const std::size_t kind_column = header->required[2];
    const std::size_t amount_column = header->required[3];
    if (auto estimate = scanner.estimated_records()) {
        // 5% margin: an estimate just short would double the vector and the peak memory.
        network.reserve(0, *estimate + *estimate / 20 + 16);
    }
    const bool declared_by_use = nodes_file.empty();
    while (scanner.next()) {
        if (!check_field_count(scanner, *header, file, diagnostics)) continue;
        const auto& fields = scanner.fields();
        const std::string_view from = fields[from_column];
        const std::string_view to = fields[to_column];
        const SourceLocation where{file, scanner.line()};
        if (from.empty() || to.empty()) {
            diagnostics.add(Diagnostic{std::string(file), scanner.line(), {},
                                       std::string("missing ") + (from.empty() ? "from" : "to") +
                                           " (expected an entity id)"});
            continue;
        }
        std::string subject;  // built only when a message or an attribute needs it
        auto subject_text = [&]() -> const std::string& {
            if (subject.empty()) subject = contract_subject(from, to);
            return subject;
        };
        auto entity_index = [&](std::string_view id) -> EntityIndex {
            if (auto found = index.find(id)) return *found;
            if (!declared_by_use) {
                diagnostics.add(Diagnostic{std::string(file), scanner.line(), subject_text(),
                                           "entity " + in_quotes(id) + " is not in " +
                                               std::string(nodes_file) +
                                               " (expected every contract's from and to there)"});
                return kNoEntity;
            }
            Entity entity;
            entity.id = std::string(id);
            const EntityIndex added = *network.add_entity(std::move(entity));
            index.insert(id);
            return added;
        };
        Contract contract;
        contract.from = entity_index(from);
        contract.to = entity_index(to);
        ContractFieldsSeen seen;
        const std::string_view kind = fields[kind_column];
        if (auto parsed = parse_contract_kind(kind)) {
            contract.kind = *parsed;
            seen.kind = true;
        } else {
            apply_contract_attribute(contract, seen, "kind", kind, subject_text(), where,
                                     diagnostics);
        }
        const std::string_view amount = fields[amount_column];
        if (auto parsed = parse_amount(amount); parsed && *parsed > 0) {
            contract.amount = *parsed;
            seen.amount = true;
        } else {
            apply_contract_attribute(contract, seen, "amount", amount, subject_text(), where,
                                     diagnostics);
        }
        for (const std::size_t column : header->others) {
            if (fields[column].empty()) continue;
            apply_contract_attribute(contract, seen, header->names[column], fields[column],
                                     subject_text(), where, diagnostics);
        }
        if (!seen.kind || !seen.amount) {
            check_contract_required(seen, subject_text(), where, diagnostics);
        }
        if (contract.from != kNoEntity && contract.to != kNoEntity) {
            network.add_contract(std::move(contract));
        }
    }
}

}  // namespace

Network read_csv(std::istream& edges, std::istream* nodes, std::string_view edges_name,
                 std::string_view nodes_name) {
    Network network;
    network.name = std::filesystem::path(edges_name).stem().string();
    Diagnostics diagnostics;
    IdTable index;
    std::vector<std::size_t> node_lines;  // line of each entity in the nodes file
    if (nodes != nullptr) read_nodes(*nodes, nodes_name, network, index, node_lines, diagnostics);
    read_contracts(edges, edges_name, nodes != nullptr ? nodes_name : std::string_view{}, network,
                   index, diagnostics);
    diagnostics.throw_if_any();
    // Only a nodes file gives entities figures, so only its lines are needed here.
    detail::check_network_located(network, nodes != nullptr ? nodes_name : edges_name,
                                  [&](EntityIndex i) -> std::optional<std::size_t> {
                                      if (i < node_lines.size()) return node_lines[i];
                                      return std::nullopt;
                                  });
    return network;
}

}  // namespace crashchain
