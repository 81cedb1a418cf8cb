// Scenario files (SPEC 3.4): JSON -> Scenario, with every problem reported at its place.
#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/error.hpp"
#include "scenario/scenario.hpp"

namespace crashchain {
namespace {

using Json = nlohmann::json;

constexpr std::array<std::string_view, 5> kShockTypes{"default", "capital", "valuation",
                                                      "slowdown", "hardware"};
// Free-text fields allowed anywhere, so calibration notes can sit next to what they explain.
constexpr std::array<std::string_view, 4> kFreeText{"description", "note", "source", "comment"};

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = up;
        }
    }
    return row[b.size()];
}

/// ` (did you mean "x"?)` for the closest candidate within a third of the word, or empty.
template <typename Range>
std::string did_you_mean(std::string_view word, const Range& candidates) {
    std::string best;
    std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
    for (const auto& candidate : candidates) {
        const std::size_t d = edit_distance(word, candidate);
        if (d < best_distance) {
            best_distance = d;
            best = std::string(candidate);
        }
    }
    return best.empty() ? std::string() : " (did you mean \"" + best + "\"?)";
}

std::string join(const std::vector<std::string_view>& words) {
    std::string text;
    for (const auto& w : words) text += (text.empty() ? "" : ", ") + std::string(w);
    return text;
}

class Reader {
public:
    Reader(std::string_view file, const Network& network) : file_(file), network_(network) {
        for (const auto& e : network.entities()) {
            if (!e.type.empty()) network_types_.push_back(e.type);
        }
        std::sort(network_types_.begin(), network_types_.end());
        network_types_.erase(std::unique(network_types_.begin(), network_types_.end()),
                             network_types_.end());
    }

    Scenario read(const Json& root) {
        Scenario scenario;
        if (!root.is_object()) {
            problem("", "expected a JSON object {\"name\", \"description\", \"stages\": [...]}");
            diagnostics_.throw_if_any();
        }
        check_keys(root, "", {"name", "stages"}, "the scenario");
        scenario.name = text_field(root, "name", "");
        scenario.description = text_field(root, "description", "");
        const auto stages = root.find("stages");
        if (stages == root.end() || !stages->is_array() || stages->empty()) {
            problem("", "expected \"stages\": a non-empty list of {\"name\", \"shocks\": [...]}");
        } else {
            for (std::size_t s = 0; s < stages->size(); ++s) {
                scenario.stages.push_back(read_stage((*stages)[s], s));
            }
        }
        diagnostics_.throw_if_any();
        return scenario;
    }

    void problem(const std::string& where, std::string message) {
        diagnostics_.add({file_, std::nullopt, where, std::move(message)});
    }

private:
    ScenarioStage read_stage(const Json& node, std::size_t s) {
        const std::string where = "stages[" + std::to_string(s) + "]";
        ScenarioStage stage;
        stage.name = "stage " + std::to_string(s + 1);
        if (!node.is_object()) {
            problem(where, "expected an object {\"name\", \"shocks\": [...]}");
            return stage;
        }
        check_keys(node, where, {"name", "shocks"}, "a stage");
        stage.name = text_field(node, "name", where, stage.name);
        const auto shocks = node.find("shocks");
        if (shocks == node.end() || !shocks->is_array()) {
            problem(where, "expected \"shocks\": a list of shocks");
            return stage;
        }
        for (std::size_t k = 0; k < shocks->size(); ++k) {
            stage.shocks.push_back(
                read_shock((*shocks)[k], where + ".shocks[" + std::to_string(k) + "]"));
        }
        return stage;
    }

    ScenarioShock read_shock(const Json& node, const std::string& where) {
        ScenarioShock shock;
        shock.where = where;
        if (!node.is_object()) {
            problem(where, "expected an object {\"type\": ..., ...}");
            return shock;
        }
        const auto type = node.find("type");
        if (type == node.end() || !type->is_string()) {
            problem(where, "expected \"type\": one of " + join({kShockTypes.begin(), kShockTypes.end()}));
            return shock;
        }
        const std::string name = type->get<std::string>();
        const auto found = std::find(kShockTypes.begin(), kShockTypes.end(), name);
        if (found == kShockTypes.end()) {
            problem(where, "unknown shock type \"" + name + "\"; expected one of " +
                               join({kShockTypes.begin(), kShockTypes.end()}) +
                               did_you_mean(name, kShockTypes));
            return shock;
        }
        shock.type = static_cast<ShockType>(found - kShockTypes.begin());
        switch (shock.type) {
            case ShockType::default_:
                check_keys(node, where, {"type", "entity"}, "a default shock");
                shock.entity = entity_field(node, where, "the entity that defaults");
                break;
            case ShockType::capital:
                check_keys(node, where, {"type", "entity", "fraction"}, "a capital shock");
                shock.entity = entity_field(node, where, "the entity that loses capital");
                shock.fraction = fraction_field(node, where, false, "the share of its capital it loses");
                if (shock.entity != kNoEntity &&
                    !network_.entity(shock.entity).effective_capital()) {
                    problem(where, "entity " + network_.id(shock.entity) +
                                       " has no capital (a capital shock takes a share of it; give "
                                       "\"capital\", or \"assets\" and \"liabilities\")");
                }
                break;
            case ShockType::valuation:
                check_keys(node, where, {"type", "fraction", "entities", "entity_types"},
                           "a valuation shock");
                shock.fraction = fraction_field(node, where, true, "the share of value the equity loses");
                read_targets(node, where, shock);
                break;
            case ShockType::slowdown:
                check_keys(node, where, {"type", "fraction", "kinds"}, "a slowdown shock");
                shock.fraction = fraction_field(node, where, true, "the share by which commitments shrink");
                read_kinds(node, where, shock);
                break;
            case ShockType::hardware:
                check_keys(node, where, {"type", "fraction", "entities", "entity_types"},
                           "a hardware shock");
                shock.fraction = fraction_field(node, where, true, "the share of hardware value written off");
                read_targets(node, where, shock);
                check_hardware(where, shock);
                break;
        }
        return shock;
    }

    void check_keys(const Json& node, const std::string& where,
                    std::initializer_list<std::string_view> allowed, std::string_view what) {
        std::vector<std::string_view> all(allowed);
        all.insert(all.end(), kFreeText.begin(), kFreeText.end());
        for (const auto& item : node.items()) {
            if (std::find(all.begin(), all.end(), item.key()) != all.end()) continue;
            problem(where, "unknown field \"" + item.key() + "\" in " + std::string(what) +
                               "; expected " + join(std::vector<std::string_view>(allowed)) +
                               did_you_mean(item.key(), all));
        }
    }

    std::string text_field(const Json& node, const char* key, const std::string& where,
                           std::string fallback = {}) {
        const auto it = node.find(key);
        if (it == node.end()) return fallback;
        if (!it->is_string()) {
            problem(where, "\"" + std::string(key) + "\" must be a string");
            return fallback;
        }
        return it->get<std::string>();
    }

    EntityIndex entity_field(const Json& node, const std::string& where, std::string_view what) {
        const auto it = node.find("entity");
        if (it == node.end() || !it->is_string()) {
            problem(where, "expected \"entity\": the id of " + std::string(what));
            return kNoEntity;
        }
        return resolve_entity(it->get<std::string>(), where, "\"entity\"");
    }

    EntityIndex resolve_entity(const std::string& id, const std::string& where,
                               const std::string& field) {
        if (auto found = network_.find(id)) return *found;
        std::string message = field + ": unknown entity \"" + id + "\"";
        if (auto guess = suggest_entity(network_, id); !guess.empty()) {
            message += " (did you mean \"" + guess + "\"?)";
        }
        problem(where, std::move(message));
        return kNoEntity;
    }

    double fraction_field(const Json& node, const std::string& where, bool zero_allowed,
                          std::string_view what) {
        const std::string range = zero_allowed ? "[0, 1]" : "(0, 1]";
        const auto it = node.find("fraction");
        if (it == node.end()) {
            problem(where, "expected \"fraction\": a number in " + range + ", " + std::string(what));
            return 0;
        }
        if (!it->is_number()) {
            problem(where, "\"fraction\" must be a number in " + range + ", not " + it->dump());
            return 0;
        }
        const double value = it->get<double>();
        const bool ok = zero_allowed ? value >= 0.0 && value <= 1.0 : value > 0.0 && value <= 1.0;
        if (!ok) {
            problem(where, "\"fraction\" " + it->dump() + " is outside " + range + " (" +
                               std::string(what) + ")");
            return 0;
        }
        return value;
    }

    std::vector<std::string> string_list(const Json& node, const char* key,
                                         const std::string& where, bool& present) {
        std::vector<std::string> list;
        const auto it = node.find(key);
        present = it != node.end();
        if (!present) return list;
        if (!it->is_array() || it->empty()) {
            problem(where, "\"" + std::string(key) +
                               "\" must be a non-empty list of strings (omit it to mean all)");
            return list;
        }
        for (std::size_t i = 0; i < it->size(); ++i) {
            const Json& item = (*it)[i];
            if (!item.is_string()) {
                problem(where, "\"" + std::string(key) + "\"[" + std::to_string(i) +
                                   "] must be a string, not " + item.dump());
                continue;
            }
            list.push_back(item.get<std::string>());
        }
        return list;
    }

    void read_targets(const Json& node, const std::string& where, ScenarioShock& shock) {
        bool has_entities = false;
        bool has_types = false;
        const auto ids = string_list(node, "entities", where, has_entities);
        const auto types = string_list(node, "entity_types", where, has_types);
        if (has_entities && has_types) {
            problem(where, "give \"entities\" or \"entity_types\", not both");
            return;
        }
        for (std::size_t i = 0; i < ids.size(); ++i) {
            const EntityIndex e =
                resolve_entity(ids[i], where, "\"entities\"[" + std::to_string(i) + "]");
            if (e != kNoEntity) shock.entities.push_back(e);
        }
        for (std::size_t i = 0; i < types.size(); ++i) {
            const std::string& type = types[i];
            const bool in_network =
                std::binary_search(network_types_.begin(), network_types_.end(), type);
            if (!in_network && !is_known_entity_type(type)) {
                problem(where, "\"entity_types\"[" + std::to_string(i) + "]: unknown type \"" +
                                   type + "\"; expected a type of the network: " + list_types() +
                                   did_you_mean(type, network_types_));
                continue;
            }
            shock.entity_types.push_back(type);
        }
    }

    std::string list_types() const {
        std::string text;
        for (const auto& t : network_types_) text += (text.empty() ? "" : ", ") + t;
        return text.empty() ? std::string(entity_type_list()) : text;
    }

    void read_kinds(const Json& node, const std::string& where, ScenarioShock& shock) {
        bool present = false;
        const auto names = string_list(node, "kinds", where, present);
        if (!present) {
            shock.kinds = {ContractKind::purchase, ContractKind::lease};
            return;
        }
        for (std::size_t i = 0; i < names.size(); ++i) {
            if (auto kind = parse_contract_kind(names[i])) {
                shock.kinds.push_back(*kind);
            } else {
                problem(where, "\"kinds\"[" + std::to_string(i) + "]: unknown kind \"" + names[i] +
                                   "\"; expected one of " + std::string(contract_kind_list()));
            }
        }
    }

    void check_hardware(const std::string& where, const ScenarioShock& shock) {
        const bool everyone = shock.entities.empty() && shock.entity_types.empty();
        if (everyone) {
            const auto& all = network_.entities();
            if (std::none_of(all.begin(), all.end(), [](const Entity& e) { return e.hardware; })) {
                problem(where, "no entity has a hardware figure (a hardware shock writes off a "
                               "share of the entity attribute \"hardware\")");
            }
            return;
        }
        const std::vector<bool> mask = shock.target_mask(network_);
        for (EntityIndex i = 0; i < mask.size(); ++i) {
            if (mask[i] && !network_.entity(i).hardware) {
                problem(where, "entity " + network_.id(i) +
                                   " has no hardware figure (a hardware shock on it needs the "
                                   "entity attribute \"hardware\")");
            }
        }
    }

    std::string file_;
    const Network& network_;
    std::vector<std::string> network_types_;
    Diagnostics diagnostics_;
};

}  // namespace

std::string_view to_string(ShockType type) {
    return kShockTypes[static_cast<std::size_t>(type)];
}

std::vector<bool> ScenarioShock::target_mask(const Network& network) const {
    std::vector<bool> mask(network.entity_count(), entities.empty() && entity_types.empty());
    for (const EntityIndex e : entities) mask[e] = true;
    if (!entity_types.empty()) {
        for (EntityIndex i = 0; i < network.entity_count(); ++i) {
            const auto& entity_type = network.entity(i).type;
            if (std::find(entity_types.begin(), entity_types.end(), entity_type) != entity_types.end()) {
                mask[i] = true;
            }
        }
    }
    if (type == ShockType::hardware && entities.empty() && entity_types.empty()) {
        // "Every entity" for a hardware shock means every entity that holds hardware.
        for (EntityIndex i = 0; i < network.entity_count(); ++i) {
            mask[i] = network.entity(i).hardware.has_value();
        }
    }
    return mask;
}

Scenario parse_scenario(std::string_view text, std::string_view file, const Network& network) {
    Json root;
    try {
        root = Json::parse(text.begin(), text.end());
    } catch (const Json::parse_error& error) {
        std::string what = error.what();
        // Drop nlohmann's "[json.exception.parse_error.101] " prefix; its text names line/column.
        if (const auto close = what.find("] "); what.rfind("[json.", 0) == 0 && close != what.npos) {
            what = what.substr(close + 2);
        }
        throw InputError(Diagnostic{std::string(file), std::nullopt, {},
                                    "not valid JSON: " + what});
    }
    Reader reader(file, network);
    return reader.read(root);
}

Scenario load_scenario(const std::string& path, const Network& network) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw InputError(Diagnostic{path, std::nullopt, {},
                                    std::string("cannot read the scenario file: ") +
                                        std::strerror(errno)});
    }
    std::ostringstream content;
    content << in.rdbuf();
    Scenario scenario = parse_scenario(content.str(), path, network);
    if (scenario.name.empty()) scenario.name = std::filesystem::path(path).stem().string();
    return scenario;
}

}  // namespace crashchain
