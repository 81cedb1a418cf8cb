#pragma once
// What every reader fuzz target checks about a network the reader accepted (SPEC 1.1, 1.7):
// the summary is either computed or refused with an InputError, and the network written in each
// format reads back identical (amounts bit for bit), or the writer refuses it with an
// InputError. A writer that produces a file its own reader rejects or reads differently would
// silently corrupt a user's data, so the target aborts with the first difference.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <sstream>
#include <string>

#include "core/error.hpp"
#include "io/load.hpp"
#include "model/summary.hpp"

namespace crashchain::fuzz {

[[noreturn]] inline void fail(const std::string& what) {
    std::fprintf(stderr, "round trip: %s\n", what.c_str());
    std::abort();
}

inline bool same_bits(const std::optional<double>& a, const std::optional<double>& b) {
    if (a.has_value() != b.has_value()) return false;
    return !a || std::memcmp(&*a, &*b, sizeof(double)) == 0;
}

/// Attributes as a set: DOT and CSV keep one attribute order per file (cgraph's declaration
/// order, the CSV header), so an element whose attributes came in another order gets them
/// reordered. The keys and values must survive, not their order.
inline Attributes sorted(Attributes attributes) {
    std::sort(attributes.begin(), attributes.end());
    return attributes;
}

/// First difference between two networks, or empty. `with_graph` compares the name and the
/// graph attributes, which CSV does not hold.
inline std::string difference(const Network& a, const Network& b, bool with_graph) {
    if (a.entity_count() != b.entity_count()) return "entity count";
    if (a.contract_count() != b.contract_count()) return "contract count";
    if (with_graph && a.name != b.name) return "graph name [" + a.name + "] vs [" + b.name + "]";
    if (with_graph && sorted(a.graph_attributes) != sorted(b.graph_attributes)) {
        return "graph attributes";
    }
    for (EntityIndex i = 0; i < a.entity_count(); ++i) {
        const Entity& x = a.entity(i);
        const Entity& y = b.entity(i);
        const std::string what = "entity " + std::to_string(i) + " ";
        if (x.id != y.id) return what + "id [" + x.id + "] vs [" + y.id + "]";
        if (x.type != y.type || x.label != y.label) return what + "type/label";
        if (!same_bits(x.capital, y.capital) || !same_bits(x.assets, y.assets) ||
            !same_bits(x.liabilities, y.liabilities) || !same_bits(x.hardware, y.hardware) ||
            !same_bits(x.valuation, y.valuation) || !same_bits(x.revenue, y.revenue)) {
            return what + "figures";
        }
        if (sorted(x.attributes) != sorted(y.attributes)) return what + "attributes";
    }
    for (ContractIndex c = 0; c < a.contract_count(); ++c) {
        const Contract& x = a.contract(c);
        const Contract& y = b.contract(c);
        const std::string what = "contract " + std::to_string(c) + " ";
        if (a.id(x.from) != b.id(y.from) || a.id(x.to) != b.id(y.to)) return what + "ends";
        if (x.kind != y.kind || x.status != y.status) return what + "kind/status";
        if (!same_bits(x.amount, y.amount) || !same_bits(x.stake, y.stake) ||
            !same_bits(x.lgd, y.lgd) || !same_bits(x.term, y.term)) {
            return what + "numbers";
        }
        if (sorted(x.attributes) != sorted(y.attributes)) return what + "attributes";
    }
    return {};
}

/// Writes `network` with `write` and reads it back with `read`; a refusal to write is fine.
template <typename Write, typename Read>
void check_one(const Network& network, const char* format, bool with_graph, Write write,
               Read read) {
    std::string text;
    try {
        text = write(network);
    } catch (const InputError&) {
        return;  // e.g. text that cannot be written in this format: refused, not corrupted
    }
    try {
        const Network back = read(text);
        if (auto diff = difference(network, back, with_graph); !diff.empty()) {
            fail(std::string(format) + ": " + diff);
        }
    } catch (const InputError& error) {
        fail(std::string(format) + " output does not read back: " + error.what());
    }
}

inline void check_accepted(const Network& network) {
    try {
        (void)summarize(network);
    } catch (const InputError&) {
    }
    check_one(
        network, "DOT", true,
        [](const Network& n) {
            std::ostringstream out;
            write_dot(out, n);
            return out.str();
        },
        [](const std::string& text) { return read_dot(text, "back.dot"); });
    check_one(
        network, "JSON", true,
        [](const Network& n) {
            std::ostringstream out;
            write_json(out, n);
            return out.str();
        },
        [](const std::string& text) {
            std::istringstream in(text);
            return read_json(in, "back.json");
        });
    std::string nodes_text;
    check_one(
        network, "CSV", false,
        [&nodes_text](const Network& n) {
            std::ostringstream edges;
            std::ostringstream nodes;
            write_csv(edges, nodes, n);
            nodes_text = nodes.str();
            return edges.str();
        },
        [&nodes_text](const std::string& text) {
            std::istringstream edges(text);
            std::istringstream nodes(nodes_text);
            return read_csv(edges, &nodes, "back.csv", "back.nodes.csv");
        });
}

}  // namespace crashchain::fuzz
