// DOT input (SPEC 1.1) with Graphviz cgraph. A `digraph`: nodes are entities (declared by use,
// also inside subgraphs and clusters), edges are contracts in file order (cgraph's edge
// sequence numbers), parallel edges kept. cgraph's messages are captured, never printed.
#include <graphviz/cgraph.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "io/load.hpp"
#include "io/locate.hpp"
#include "model/attribute_rules.hpp"

// Exported by libcgraph (its flex scanner) but not declared in cgraph.h. After a read the
// scanner keeps any unread input and would hand it to the next agmemread; destroying it resets
// the scanner (cgraph recreates it on the next read).
extern "C" int aaglex_destroy(void);

namespace crashchain {
namespace {

struct GraphCloser {
    void operator()(Agraph_t* graph) const { agclose(graph); }
};
using GraphPtr = std::unique_ptr<Agraph_t, GraphCloser>;

// cgraph's parser and error channel are process-wide state.
std::mutex cgraph_mutex;
std::vector<std::string>* captured = nullptr;  // guarded by cgraph_mutex

// cgraph calls this with "Error" or "Warning", then ": ", then the text (continuations of a
// message come without the prefix).
int capture_message(char* text) {
    const std::string_view piece(text);
    if (piece == "Error" || piece == "Warning") {
        captured->emplace_back();
    } else if (piece != ": ") {
        if (captured->empty()) captured->emplace_back();
        captured->back() += piece;
    }
    return 0;
}

/// Routes cgraph messages to `messages` for the lifetime of the object.
class CaptureMessages {
public:
    explicit CaptureMessages(std::vector<std::string>& messages)
        : previous_function_(agseterrf(capture_message)), previous_level_(agseterr(AGWARN)) {
        captured = &messages;
    }
    ~CaptureMessages() {
        captured = nullptr;
        agseterrf(previous_function_);
        agseterr(previous_level_);
    }
    CaptureMessages(const CaptureMessages&) = delete;
    CaptureMessages& operator=(const CaptureMessages&) = delete;

private:
    agusererrf previous_function_;
    agerrlevel_t previous_level_;
};

/// cgraph's agmemread feeds the lexer one line per read, and flex re-scans the current token
/// from its start after every read: a quoted string of L bytes over n lines costs L * n (a 2 MB
/// note of 80-column lines took minutes). Reads of whole chunks make it L * L / 8 KiB (flex
/// reads at most 8 KiB at a time), which the token limit below keeps small.
struct ChunkReader {
    std::string_view text;
    std::size_t position = 0;
};

int read_chunk(void* channel, char* buffer, int size) {
    auto* reader = static_cast<ChunkReader*>(channel);
    const std::size_t count = std::min(static_cast<std::size_t>(std::max(size, 0)),
                                       reader->text.size() - reader->position);
    std::memcpy(buffer, reader->text.data() + reader->position, count);
    reader->position += count;
    return static_cast<int>(count);
}

Agraph_t* parse_graph(std::string_view text) {
    ChunkReader reader{text};
    Agiodisc_t io{read_chunk, AgIoDisc.putstr, AgIoDisc.flush};
    Agdisc_t discipline{&AgMemDisc, &AgIdDisc, &io};
    // The lexer's line counter is global; agmemread resets it after reading, as we do here.
    agsetfile(nullptr);
    Agraph_t* graph = agread(&reader, &discipline);
    agsetfile(nullptr);
    return graph;
}

/// `syntax error in line 3 near ';'` -> line 3, `DOT syntax error near ';'`.
Diagnostic cgraph_diagnostic(std::string message, std::string_view file, std::string_view text) {
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    std::optional<std::size_t> line;
    if (auto at = message.find(" in line "); at != std::string::npos) {
        std::size_t end = at + 9;
        std::size_t number = 0;
        while (end < message.size() && std::isdigit(static_cast<unsigned char>(message[end])) != 0) {
            number = number * 10 + static_cast<std::size_t>(message[end++] - '0');
        }
        if (end > at + 9) line = detail::dot_real_line(text, number);
        if (message.compare(end, 9, " of input") == 0) end += 9;
        message.erase(at, end - at);
    }
    std::replace(message.begin(), message.end(), '\n', ' ');
    if (message.find("badly delimited number") != std::string::npos) {
        message += " (quote ids and values that start with a digit, e.g. \"2x\", \"1e9\")";
    }
    return Diagnostic{std::string(file), line, {}, "DOT " + message};
}

/// Declared attributes of one kind in declaration order (cgraph iterates them by name).
std::vector<Agsym_t*> declared(Agraph_t* graph, int kind) {
    std::vector<Agsym_t*> symbols;
    for (Agsym_t* s = agnxtattr(graph, kind, nullptr); s != nullptr; s = agnxtattr(graph, kind, s)) {
        symbols.push_back(s);
    }
    std::sort(symbols.begin(), symbols.end(), [](auto* a, auto* b) { return a->id < b->id; });
    return symbols;
}

/// Attribute value as text: HTML-like values keep their <...> so they round-trip.
std::string value_text(char* value) {
    if (aghtmlstr(value) == 0) return value;
    std::string text = "<";  // appended: `"<" + std::string` trips GCC 12 -Wrestrict at -O3
    text += value;
    return text + ">";
}

std::string name_of(void* object) {
    const char* name = agnameof(object);
    if (name == nullptr) return {};  // an edge without a key
    // cgraph prints an object without a name of its own as "%<its id>": an unnamed graph or
    // subgraph (no name), or a node whose written name started with % (the caller reports it).
    // That text sits in a static buffer, not in the graph's strings, so it must not be asked
    // whether it is HTML: aghtmlstr would read a header in front of the buffer (garbage; the
    // answer changed from run to run).
    if (name == "%" + std::to_string(AGID(object))) {
        if (AGTYPE(object) != AGNODE) return {};
        return name;
    }
    return value_text(const_cast<char*>(name));
}

/// Builds the network; `lines` (when given) adds line numbers to diagnostics.
Network convert(Agraph_t* graph, std::string_view file, const detail::DotLines* lines,
                Diagnostics& diagnostics) {
    Network network;
    network.name = name_of(graph);
    for (Agsym_t* s : declared(graph, AGRAPH)) {
        char* value = agxget(graph, s);
        if (value != nullptr && value[0] != '\0') network.graph_attributes.emplace_back(s->name, value_text(value));
    }
    const auto node_symbols = declared(graph, AGNODE);
    const auto edge_symbols = declared(graph, AGEDGE);
    network.reserve(static_cast<std::size_t>(agnnodes(graph)), static_cast<std::size_t>(agnedges(graph)));
    std::unordered_map<Agnode_t*, EntityIndex> index;
    std::size_t percent_nodes = 0;
    std::vector<Agedge_t*> edges;
    for (Agnode_t* node = agfstnode(graph); node != nullptr; node = agnxtnode(graph, node)) {
        Entity entity;
        entity.id = name_of(node);
        const SourceLocation where{file, lines != nullptr ? lines->node(entity.id) : std::nullopt};
        if (entity.id.empty()) {
            diagnostics.add(Diagnostic{std::string(file), where.line, {},
                                       "a node has an empty id (expected a non-empty name)"});
        } else if (entity.id.front() == '%') {
            // cgraph takes "%..." for one of its internal names and gives the node another:
            // the id the file wrote can only be recovered from the text.
            const auto written = lines != nullptr ? lines->percent_node(percent_nodes) : std::nullopt;
            ++percent_nodes;
            diagnostics.add(Diagnostic{
                std::string(file), written ? std::optional(written->second) : std::nullopt,
                written ? entity_subject(written->first) : std::string(),
                "an id starting with % is read by Graphviz as an internal name and lost (expected "
                "an id that does not start with %)"});
        }
        for (Agsym_t* s : node_symbols) {
            char* value = agxget(node, s);
            if (value == nullptr || value[0] == '\0') continue;
            apply_entity_attribute(entity, s->name, value_text(value), where, diagnostics);
        }
        index.emplace(node, *network.add_entity(std::move(entity)));
        for (Agedge_t* edge = agfstout(graph, node); edge != nullptr; edge = agnxtout(graph, edge)) {
            edges.push_back(edge);
        }
    }
    // agfstout order is per tail node; sequence numbers restore the order of the file.
    std::sort(edges.begin(), edges.end(), [](Agedge_t* a, Agedge_t* b) { return AGSEQ(a) < AGSEQ(b); });
    std::map<std::pair<EntityIndex, EntityIndex>, std::size_t> occurrences;
    for (Agedge_t* edge : edges) {
        Contract contract;
        contract.from = index.at(agtail(edge));
        contract.to = index.at(aghead(edge));
        const std::string& from = network.id(contract.from);
        const std::string& to = network.id(contract.to);
        std::optional<std::size_t> line;
        if (lines != nullptr) line = lines->edge(from, to, occurrences[{contract.from, contract.to}]++);
        const SourceLocation where{file, line};
        const std::string subject = contract_subject(from, to);
        ContractFieldsSeen seen;
        if (const std::string key = name_of(edge); !key.empty()) {
            apply_contract_attribute(contract, seen, "key", key, subject, where, diagnostics);
        }
        for (Agsym_t* s : edge_symbols) {
            char* value = agxget(edge, s);
            if (value == nullptr || value[0] == '\0') continue;
            apply_contract_attribute(contract, seen, s->name, value_text(value), subject, where,
                                     diagnostics);
        }
        check_contract_required(seen, subject, where, diagnostics);
        network.add_contract(std::move(contract));
    }
    return network;
}

}  // namespace

Network read_dot(std::string_view text, std::string_view name) {
    // cgraph reads a C string: whatever follows a NUL byte would vanish without a word.
    if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
        throw InputError(Diagnostic{std::string(name), detail::line_of_offset(text, nul), {},
                                    std::string(detail::kNulByte)});
    }
    if (const auto token = detail::find_long_dot_token(text, detail::kMaxDotToken)) {
        throw InputError(Diagnostic{
            std::string(name), token->line, {},
            std::string(token->what) + " longer than 256 KiB (Graphviz's DOT parser slows down " +
                "with the square of its length; expected shorter text, or JSON or CSV for long text)"});
    }
    std::vector<std::string> messages;
    GraphPtr graph;
    {
        const std::lock_guard lock(cgraph_mutex);
        const CaptureMessages capture(messages);
        graph.reset(parse_graph(text));
        aaglex_destroy();
    }
    auto fail = [&](std::optional<std::size_t> line, std::string message) {
        throw InputError(Diagnostic{std::string(name), line, {}, std::move(message)});
    };
    if (!messages.empty()) {
        // Warnings too: cgraph "recovers" from e.g. `a -> 2b` by reading two nodes.
        std::vector<Diagnostic> diagnostics;
        for (auto& message : messages) diagnostics.push_back(cgraph_diagnostic(std::move(message), name, text));
        throw InputError(std::move(diagnostics));
    }
    const auto graph_lines = detail::dot_graph_lines(text);
    if (!graph) {
        fail(std::nullopt, "no graph found (expected digraph NAME { A -> B [kind=loan, amount=\"1B\"]; })");
    }
    const std::optional<std::size_t> first_line =
        graph_lines.empty() ? std::nullopt : std::optional(graph_lines.front());
    if (graph_lines.size() > 1) {
        fail(graph_lines[1], "a second graph in the same file (expected exactly one digraph)");
    }
    if (agisdirected(graph.get()) == 0) {
        fail(first_line, "undirected graph (expected a digraph: each contract A -> B has a direction, "
                         "the way the money moves)");
    }
    if (agisstrict(graph.get()) != 0) {
        fail(first_line, "strict digraph merges parallel contracts; use digraph");
    }
    Diagnostics diagnostics;
    Network network = convert(graph.get(), name, nullptr, diagnostics);
    if (!diagnostics.empty()) {
        const detail::DotLines lines(text);  // again with line numbers, for a file with problems
        Diagnostics located;
        convert(graph.get(), name, &lines, located);
        located.throw_if_any();
    }
    std::optional<detail::DotLines> lines;
    detail::check_network_located(network, name, [&](EntityIndex i) {
        if (!lines) lines.emplace(text);
        return lines->node(network.id(i));
    });
    return network;
}

}  // namespace crashchain
