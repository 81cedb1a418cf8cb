// libFuzzer target: the DOT reader (cgraph) either loads a network or throws InputError.
#include <cstdint>
#include <string>

#include "core/error.hpp"
#include "io/load.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        (void)crashchain::read_dot(text, "fuzz.dot");
    } catch (const crashchain::InputError&) {
    }
    return 0;
}
