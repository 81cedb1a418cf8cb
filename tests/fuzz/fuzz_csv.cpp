// libFuzzer target: the CSV reader either loads a network or throws InputError; nothing else.
// The input is split at the first 0xFF byte into an edges file and a nodes file.
#include <cstdint>
#include <sstream>
#include <string>

#include "core/error.hpp"
#include "io/load.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    const auto split = bytes.find('\xff');
    std::istringstream edges(bytes.substr(0, split));
    std::istringstream nodes(split == std::string::npos ? std::string() : bytes.substr(split + 1));
    try {
        (void)crashchain::read_csv(edges, split == std::string::npos ? nullptr : &nodes,
                                   "fuzz.csv", "fuzz.nodes.csv");
    } catch (const crashchain::InputError&) {
    }
    return 0;
}
