// libFuzzer target: the DOT reader (cgraph) either loads a network or throws InputError; an
// accepted network must survive the writers (round_trip_oracle.hpp).
#include <cstdint>
#include <string>

#include "core/error.hpp"
#include "io/load.hpp"
#include "round_trip_oracle.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        crashchain::fuzz::check_accepted(crashchain::read_dot(text, "fuzz.dot"));
    } catch (const crashchain::InputError&) {
    }
    return 0;
}
