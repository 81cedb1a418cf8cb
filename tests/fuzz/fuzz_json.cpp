// libFuzzer target: the JSON reader either loads a network or throws InputError; an accepted
// network must survive the writers (round_trip_oracle.hpp).
#include <cstdint>
#include <sstream>
#include <string>

#include "core/error.hpp"
#include "io/load.hpp"
#include "round_trip_oracle.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    try {
        crashchain::fuzz::check_accepted(crashchain::read_json(in, "fuzz.json"));
    } catch (const crashchain::InputError&) {
    }
    return 0;
}
