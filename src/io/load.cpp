// Opening files and choosing the format by extension (SPEC 1.1); the readers and writers work
// on streams and strings.
#include "io/load.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "io/atomic_file.hpp"

namespace crashchain {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kNetworkFiles =
    "expected a .dot, .gv or .json file, or --edges E.csv [--nodes N.csv]";

std::string lower_extension(const std::string& path) {
    std::string extension = fs::path(path).extension().string();
    for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return extension;
}

[[noreturn]] void fail(const std::string& path, std::string message) {
    throw InputError(Diagnostic{path, std::nullopt, {}, std::move(message)});
}

std::ifstream open_input(const std::string& path) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) fail(path, "is a directory (" + std::string(kNetworkFiles) + ")");
    std::ifstream in(path, std::ios::binary);
    if (!in) fail(path, std::string("cannot read: ") + std::strerror(errno));
    return in;
}

std::string read_text(const std::string& path) {
    std::ifstream in = open_input(path);
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) fail(path, std::string("cannot read: ") + std::strerror(errno));
    return std::move(text).str();
}

}  // namespace

Network load_network(const NetworkSource& source) {
    if (source.is_builtin()) return read_dot(builtin_network_dot(), kBuiltinNetworkName);
    if (!source.edges_csv.empty()) {
        std::ifstream edges = open_input(source.edges_csv);
        if (source.nodes_csv.empty()) return read_csv(edges, nullptr, source.edges_csv, {});
        std::ifstream nodes = open_input(source.nodes_csv);
        return read_csv(edges, &nodes, source.edges_csv, source.nodes_csv);
    }
    const std::string& path = source.file;
    std::error_code ec;
    if (fs::is_directory(path, ec)) fail(path, "is a directory (" + std::string(kNetworkFiles) + ")");
    const std::string extension = lower_extension(path);
    if (extension == ".dot" || extension == ".gv") return read_dot(read_text(path), path);
    if (extension == ".json") {
        std::ifstream in = open_input(path);
        return read_json(in, path);
    }
    if (extension == ".csv") {
        fail(path, "CSV goes through --edges " + path + " [--nodes N.csv] (a FILE argument must be .dot, .gv or .json)");
    }
    fail(path, "unknown file type " + (extension.empty() ? std::string("(no extension)") : "\"" + extension + "\"") +
                   " (" + std::string(kNetworkFiles) + ")");
}

void save_network(const Network& network, const std::string& path) {
    const std::string extension = lower_extension(path);
    if (extension == ".dot" || extension == ".gv") {
        write_atomically(path, [&](std::ostream& out) { write_dot(out, network); });
    } else if (extension == ".json") {
        write_atomically(path, [&](std::ostream& out) { write_json(out, network); });
    } else if (extension == ".csv") {
        // Contracts to OUT.csv, entities to OUT.nodes.csv, streamed into two temporary files
        // that are renamed only after both are complete (a failure leaves neither).
        const fs::path target(path);
        const std::string nodes_path =
            (target.parent_path() / (target.stem().string() + ".nodes.csv")).string();
        write_pair_atomically(path, nodes_path, [&](std::ostream& edges, std::ostream& nodes) {
            write_csv(edges, nodes, network);
        });
    } else {
        fail(path, "unknown output type " +
                       (extension.empty() ? std::string("(no extension)") : "\"" + extension + "\"") +
                       " (expected .dot, .gv, .json, or .csv for OUT.csv + OUT.nodes.csv)");
    }
}

}  // namespace crashchain
