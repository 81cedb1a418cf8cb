#include "report/cycles_report.hpp"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "core/amount.hpp"
#include "report/table.hpp"

namespace crashchain {
namespace {

using Json = nlohmann::ordered_json;

std::string percent(double share) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f%%", share * 100);
    return buffer;
}

std::string ratio_text(double ratio) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3f", ratio);
    return buffer;
}

/// Kind names of a set of contracts: distinct, sorted by name (hop_kinds).
std::vector<std::string> kind_names(const Network& network, std::span<const ContractIndex> hop) {
    std::vector<std::string> names;
    for (const ContractKind kind : hop_kinds(network, hop)) names.emplace_back(to_string(kind));
    return names;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (const auto& part : parts) out += (out.empty() ? "" : std::string(separator)) + part;
    return out;
}

/// `A -> B -> C -> A`.
std::string path_text(const Network& network, std::span<const EntityIndex> nodes) {
    std::string out;
    for (const EntityIndex e : nodes) out += network.id(e) + " -> ";
    return out + network.id(nodes.front());
}

/// `equity -> purchase+lease -> purchase`: each hop's kinds joined by `+`.
std::string cycle_kinds_text(const Network& network, const CycleResult& cycles, const Cycle& c) {
    std::vector<std::string> hops;
    for (std::uint32_t i = 0; i < c.length; ++i) {
        hops.push_back(join(kind_names(network, cycles.contracts_of(c, i)), "+"));
    }
    return join(hops, " -> ");
}

std::string flag_kinds_text(const Network& network, const VendorFinancing& flag) {
    std::vector<std::string> hops;
    for (const auto& contracts : flag.hop_contracts) {
        hops.push_back(join(kind_names(network, contracts), "+"));
    }
    return join(hops, " -> ");
}

Json ids(const Network& network, std::span<const EntityIndex> nodes) {
    Json out = Json::array();
    for (const EntityIndex e : nodes) out.push_back(network.id(e));
    return out;
}

std::string json(const Network& network, const CircularityReport& r) {
    Json out;
    out["sccs"] = Json::array();
    for (const auto& component : r.sccs.components) out["sccs"].push_back(ids(network, component));
    out["cycles"] = Json::array();
    for (const Cycle& c : r.cycles.cycles) {
        Json kinds = Json::array();
        for (std::uint32_t i = 0; i < c.length; ++i) {
            kinds.push_back(kind_names(network, r.cycles.contracts_of(c, i)));
        }
        out["cycles"].push_back({{"nodes", ids(network, r.cycles.nodes_of(c))},
                                 {"kinds", std::move(kinds)},
                                 {"bottleneck", c.bottleneck},
                                 {"volume", c.volume},
                                 {"length", c.length}});
    }
    out["cycle_count"] = r.cycles.cycles.size();
    out["truncated"] = r.cycles.truncated;
    out["circulation"] = {{"value", r.circulation.value},
                          {"total", r.circulation.total},
                          {"share", r.circulation.share}};
    out["round_trip"] = Json::array();
    for (const RoundTrip& t : r.round_trips) {
        out["round_trip"].push_back({{"id", network.id(t.entity)},
                                     {"outflow", t.outflow},
                                     {"returns", t.returns},
                                     {"ratio", t.ratio}});
    }
    out["vendor_financing"] = Json::array();
    for (const VendorFinancing& f : r.vendor_financing) {
        Json kinds = Json::array();
        for (const auto& contracts : f.hop_contracts) kinds.push_back(kind_names(network, contracts));
        out["vendor_financing"].push_back({{"investor", network.id(f.nodes.front())},
                                           {"nodes", ids(network, f.nodes)},
                                           {"kinds", std::move(kinds)},
                                           {"investment", f.investment},
                                           {"returned", f.returned},
                                           {"share", f.share}});
    }
    return out.dump(2) + "\n";
}

std::string csv(const Network& network, const CircularityReport& r) {
    Table table({"rank", "cycle", "kinds", "length", "bottleneck", "volume"});
    std::size_t rank = 0;
    for (const Cycle& c : r.cycles.cycles) {
        table.add_row({std::to_string(++rank), path_text(network, r.cycles.nodes_of(c)),
                       cycle_kinds_text(network, r.cycles, c), std::to_string(c.length),
                       format_exact(c.bottleneck), format_exact(c.volume)});
    }
    return table.csv();
}

/// The tables of the text and Markdown reports, each cut to `top` rows.
struct Tables {
    Table cycles{{"#", "cycle", "kinds", "bottleneck", "volume"},
                 {Table::Align::right, Table::Align::left, Table::Align::left,
                  Table::Align::right, Table::Align::right}};
    Table components{{"#", "entities", "members"},
                     {Table::Align::right, Table::Align::right, Table::Align::left}};
    Table trips{{"id", "outflow", "returns", "ratio"},
                {Table::Align::left, Table::Align::right, Table::Align::right,
                 Table::Align::right}};
    Table flags{{"investor", "path", "kinds", "investment", "returned", "share"},
                {Table::Align::left, Table::Align::left, Table::Align::left, Table::Align::right,
                 Table::Align::right, Table::Align::right}};
};

Tables tables(const Network& network, const CircularityReport& r, std::size_t top) {
    Tables t;
    for (std::size_t i = 0; i < r.cycles.cycles.size() && i < top; ++i) {
        const Cycle& c = r.cycles.cycles[i];
        t.cycles.add_row({std::to_string(i + 1), path_text(network, r.cycles.nodes_of(c)),
                          cycle_kinds_text(network, r.cycles, c), format_amount(c.bottleneck),
                          format_amount(c.volume)});
    }
    for (std::size_t i = 0; i < r.sccs.components.size() && i < top; ++i) {
        const auto& component = r.sccs.components[i];
        std::vector<std::string> members;
        for (std::size_t k = 0; k < component.size() && k < top; ++k) {
            members.push_back(network.id(component[k]));
        }
        if (component.size() > top) members.push_back("...");
        t.components.add_row({std::to_string(i + 1), std::to_string(component.size()),
                              join(members, ", ")});
    }
    for (std::size_t i = 0; i < r.round_trips.size() && i < top; ++i) {
        const RoundTrip& trip = r.round_trips[i];
        t.trips.add_row({network.id(trip.entity), format_amount(trip.outflow),
                         format_amount(trip.returns), ratio_text(trip.ratio)});
    }
    for (std::size_t i = 0; i < r.vendor_financing.size() && i < top; ++i) {
        const VendorFinancing& f = r.vendor_financing[i];
        t.flags.add_row({network.id(f.nodes.front()), path_text(network, f.nodes),
                         flag_kinds_text(network, f), format_amount(f.investment),
                         format_amount(f.returned), percent(f.share)});
    }
    return t;
}

std::string cycles_heading(const CircularityReport& r, const CyclesReportOptions& options) {
    std::string text = std::to_string(r.cycles.cycles.size()) + " elementary cycle(s) of at most " +
                       std::to_string(options.max_length) + " entities";
    if (r.cycles.timed_out) {
        text += " (truncated: the time limit stopped the search; the largest bottlenecks found)";
    } else if (r.cycles.truncated) {
        text += " (truncated: more than " + std::to_string(options.limit) +
                " exist; those with the largest bottlenecks)";
    }
    return text;
}

std::string circulation_line(const CircularityReport& r) {
    return format_amount(r.circulation.value) + " of " + format_amount(r.circulation.total) +
           " in contracts (" + percent(r.circulation.share) +
           ") can go round in circles: the gross notional conservative compression could remove "
           "without changing any entity's net position.";
}

std::string text(const Network& network, const CircularityReport& r, std::string_view name,
                 const CyclesReportOptions& options) {
    const Tables t = tables(network, r, options.top);
    std::string out = std::string(name) + ": circular deals\n\n";
    out += cycles_heading(r, options) + (r.cycles.cycles.empty() ? ".\n" : ", top " +
           std::to_string(std::min(options.top, r.cycles.cycles.size())) + ":\n\n" +
           t.cycles.text());
    out += "\n" + std::to_string(r.sccs.components.size()) +
           " strongly connected component(s) that can hold a cycle" +
           (t.components.empty() ? ".\n" : ":\n\n" + t.components.text());
    out += "\nCirculation: " + circulation_line(r) + "\n";
    out += "\nRound trips (how much of what an entity pays out can come back to it)" +
           (t.trips.empty() ? std::string(": none.\n") : ", top by ratio:\n\n" + t.trips.text());
    out += "\nVendor financing (investments or loans that come back as purchases or leases)" +
           (t.flags.empty() ? std::string(": none.\n") : ":\n\n" + t.flags.text());
    return out;
}

std::string markdown(const Network& network, const CircularityReport& r, std::string_view name,
                     const CyclesReportOptions& options) {
    return "# " + std::string(name) + ": circular deals\n\n" +
           render_cycles_sections(network, r, options, "##");
}

}  // namespace

std::string render_cycles_sections(const Network& network, const CircularityReport& r,
                                   const CyclesReportOptions& options, std::string_view heading) {
    const Tables t = tables(network, r, options.top);
    const std::string h(heading);
    std::string out = h + " Cycles\n\n" + cycles_heading(r, options) + ".\n\n";
    if (!t.cycles.empty()) out += t.cycles.markdown() + "\n";
    out += h + " Strongly connected components\n\n" +
           std::to_string(r.sccs.components.size()) + " component(s) that can hold a cycle.\n\n";
    if (!t.components.empty()) out += t.components.markdown() + "\n";
    out += h + " Circulation\n\n" + circulation_line(r) + "\n\n";
    out += h + " Round trips\n\nHow much of what an entity pays out can come back to it.\n\n";
    out += t.trips.empty() ? "None.\n\n" : t.trips.markdown() + "\n";
    out += h + " Vendor financing\n\nInvestments or loans that come back as purchases or "
                "leases.\n\n";
    out += t.flags.empty() ? "None.\n" : t.flags.markdown();
    return out;
}

std::string render_cycles(const Network& network, const CircularityReport& report,
                          std::string_view name, Format format,
                          const CyclesReportOptions& options) {
    switch (format) {
        case Format::json:
            return json(network, report);
        case Format::csv:
            return csv(network, report);
        case Format::md:
            return markdown(network, report, name, options);
        case Format::text:
            break;
    }
    return text(network, report, name, options);
}

}  // namespace crashchain
