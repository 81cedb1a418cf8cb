// render_diagram: DOT text -> .dot/.gv as is, or .svg/.png/.pdf through Graphviz gvc in-process.
//
// Debian's libgvc finds its plugins (layout `dot`, renderers `core` for SVG and `cairo` for PNG
// and PDF) through the plugin list /usr/lib/x86_64-linux-gnu/graphviz/config6a that the
// graphviz package writes with `dot -c`; gvContext() reads it, so no gvContextPlugins() with
// preloaded symbols is needed. If that list is missing, layout fails with "Layout type: dot not
// recognized" and the error below says how to register the plugins.

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <mutex>
#include <stdexcept>

#include "core/error.hpp"
#include "io/atomic_file.hpp"
#include "report/diagram.hpp"

namespace crashchain {
namespace {

/// Graphviz keeps global state (the error handler, cgraph's default attributes): one render at
/// a time per process.
std::mutex& graphviz_mutex() {
    static std::mutex mutex;
    return mutex;
}

/// Routes Graphviz's messages into a string instead of stderr for the lifetime of the object.
class MessageCapture {
public:
    MessageCapture() : previous_(agseterrf(&MessageCapture::receive)) {
        sink_ = &text_;
        agreseterrors();
    }
    ~MessageCapture() {
        agseterrf(previous_);
        sink_ = nullptr;
    }
    MessageCapture(const MessageCapture&) = delete;
    MessageCapture& operator=(const MessageCapture&) = delete;

    /// The messages so far on one line, e.g. `Error: syntax error in line 3 near '}'`.
    [[nodiscard]] std::string text() const {
        std::string line = text_;
        std::replace(line.begin(), line.end(), '\n', ' ');
        while (!line.empty() && line.back() == ' ') line.pop_back();
        return line.empty() ? "no message from Graphviz" : line;
    }

private:
    static int receive(char* message) {
        if (sink_ != nullptr && message != nullptr) sink_->append(message);
        return 0;
    }
    static inline std::string* sink_ = nullptr;
    agusererrf previous_;
    std::string text_;
};

/// The process's one Graphviz context, created on first use and deliberately never freed:
/// Graphviz 2.42's pango plugin keeps a pointer to the last font name, which lives in the
/// context's font dictionary, so rendering after gvFreeContext() + gvContext() reads freed memory
/// (AddressSanitizer: heap-use-after-free in strcmp under textspan_size). Call with the mutex held.
GVC_t* graphviz_context() {
    static GVC_t* const context = gvContext();
    if (context == nullptr) throw std::runtime_error("Graphviz: cannot create a context");
    return context;
}

/// Owns the graph of one render and its layout, freed in the required order.
struct GraphvizSession {
    GVC_t* gvc = nullptr;
    Agraph_t* graph = nullptr;
    bool laid_out = false;

    GraphvizSession() = default;
    GraphvizSession(const GraphvizSession&) = delete;
    GraphvizSession& operator=(const GraphvizSession&) = delete;
    ~GraphvizSession() {
        if (laid_out) gvFreeLayout(gvc, graph);
        if (graph != nullptr) agclose(graph);
    }
};

std::string lowercase_extension(const std::string& path) {
    std::string extension = std::filesystem::path(path).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension;
}

constexpr std::string_view kAccepted = ".dot, .gv, .svg, .png or .pdf";

bool is_render_format(const std::string& format) {
    return format == "svg" || format == "png" || format == "pdf";
}

}  // namespace

std::string render_diagram_data(const std::string& dot_text, const std::string& format,
                                const RenderOptions& options) {
    if (!is_render_format(format)) {
        throw InputError("unknown diagram format \"" + format + "\" (expected svg, png or pdf)");
    }
    const std::lock_guard<std::mutex> lock(graphviz_mutex());
    MessageCapture messages;
    GraphvizSession session;
    // The context first: it sets cgraph's default node label (the node name) for graphs read
    // after it.
    session.gvc = graphviz_context();
    session.graph = agmemread(dot_text.c_str());
    if (session.graph == nullptr) {
        throw std::runtime_error("Graphviz cannot read the diagram: " + messages.text());
    }
    const auto nodes = static_cast<std::size_t>(agnnodes(session.graph));
    const auto edges = static_cast<std::size_t>(agnedges(session.graph));
    if (!options.force && (nodes > kMaxDiagramNodes || edges > kMaxDiagramEdges)) {
        throw InputError("diagram too large to lay out: " + std::to_string(nodes) + " nodes and " +
                         std::to_string(edges) + " edges (limit " +
                         std::to_string(kMaxDiagramNodes) + " nodes, " +
                         std::to_string(kMaxDiagramEdges) +
                         " edges); keep fewer contracts with --min-amount, --kinds or --status, "
                         "write .dot instead, or pass --force");
    }
    if (gvLayout(session.gvc, session.graph, "dot") != 0) {
        std::string why = messages.text();
        if (why.find("not recognized") != std::string::npos) {
            why += " (Graphviz plugins are not registered: run `dot -c` as root)";
        }
        throw std::runtime_error("Graphviz layout failed: " + why);
    }
    session.laid_out = true;
    char* data = nullptr;
    unsigned int length = 0;
    if (gvRenderData(session.gvc, session.graph, format.c_str(), &data, &length) != 0 ||
        data == nullptr) {
        if (data != nullptr) gvFreeRenderData(data);
        throw std::runtime_error("Graphviz cannot render " + format + ": " + messages.text());
    }
    std::string bytes(data, length);
    gvFreeRenderData(data);
    return bytes;
}

void render_diagram(const std::string& dot_text, const std::string& path,
                    const RenderOptions& options) {
    const std::string extension = lowercase_extension(path);
    if (extension == ".dot" || extension == ".gv") {
        write_file_atomically(path, dot_text);
        return;
    }
    const std::string format = extension.empty() ? "" : extension.substr(1);
    if (!is_render_format(format)) {
        throw InputError(Diagnostic{path, std::nullopt, {},
                                    "unknown diagram type \"" + extension + "\" (expected " +
                                        std::string(kAccepted) + ")"});
    }
    write_file_atomically(path, render_diagram_data(dot_text, format, options));
}

}  // namespace crashchain

// Graphviz 2.42 itself leaks a little on every layout: the HTML-like label parser
// (make_html_label: htmlparse, sizeArray) and dot's cluster skeletons (build_skeleton) are never
// freed by gvFreeLayout/agclose, and fontconfig and glib, loaded by the pango text-layout plugin,
// keep caches until exit (seen with ASAN_OPTIONS=fast_unwind_on_malloc=0; nothing else leaks).
// These libraries are built without frame pointers, so under the default fast unwinder a leak's
// stack ends at the library's allocator and only the library can be named. Tell LeakSanitizer
// (tools/test) that allocations made inside them are not ours; our own allocations stay checked.
#if defined(__SANITIZE_ADDRESS__)
#define CRASHCHAIN_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CRASHCHAIN_ASAN 1
#endif
#endif
#ifdef CRASHCHAIN_ASAN
extern "C" const char* __lsan_default_suppressions() {
    return "leak:libgvc.so\nleak:libcgraph.so\nleak:libgvplugin_\nleak:libglib-2.0.so\n"
           "leak:libfontconfig.so\n";
}
// Without this LeakSanitizer lists the suppressions it used on stderr, which the CLI golden
// cases compare exactly.
extern "C" const char* __lsan_default_options() { return "print_suppressions=0"; }
#endif
