// libFuzzer target: the CSV reader either loads a network or throws InputError; an accepted
// network must survive the writers (round_trip_oracle.hpp). The input is split at the first
// 0xFF byte into an edges file and a nodes file. The record scanner must also cut the same
// records whatever its buffer size (refills split quotes, CRLF pairs and records anywhere).
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "io/csv_scanner.hpp"
#include "io/load.hpp"
#include "round_trip_oracle.hpp"

namespace {

std::vector<std::string> records(const std::string& text, std::size_t buffer) {
    std::istringstream in(text);
    crashchain::detail::CsvScanner scanner(in, buffer);
    std::vector<std::string> out;
    while (scanner.next()) {
        std::string record = std::to_string(scanner.line()) + ":" + scanner.error();
        for (const auto field : scanner.fields()) {
            record += '\x1f';
            record += field;
        }
        out.push_back(std::move(record));
    }
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    const auto split = bytes.find('\xff');
    const std::string edges_text = bytes.substr(0, split);
    std::istringstream edges(edges_text);
    std::istringstream nodes(split == std::string::npos ? std::string() : bytes.substr(split + 1));
    try {
        crashchain::fuzz::check_accepted(crashchain::read_csv(
            edges, split == std::string::npos ? nullptr : &nodes, "fuzz.csv", "fuzz.nodes.csv"));
    } catch (const crashchain::InputError&) {
    }
    if (records(edges_text, 0) != records(edges_text, 3)) {
        std::fprintf(stderr, "scanner: a 3-byte buffer cuts different records\n");
        std::abort();
    }
    return 0;
}
