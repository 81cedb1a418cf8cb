// libFuzzer target: the amount parser must accept or reject any bytes without crashing, and
// every accepted amount must be finite and survive format_exact -> parse_amount unchanged; what
// a text report prints for it (format_amount) must read back as the same amount up to the
// rounding of its three significant digits (0.5%, or half a cent below a dollar).
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/amount.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (auto amount = crashchain::parse_amount(text)) {
        if (!std::isfinite(*amount)) std::abort();
        if (crashchain::parse_amount(crashchain::format_exact(*amount)) != *amount) std::abort();
        const auto shown = crashchain::parse_amount(crashchain::format_amount(*amount));
        if (!shown || std::fabs(*shown - *amount) > 0.00501 * std::fabs(*amount) + 0.00501) {
            std::abort();
        }
    }
    (void)crashchain::parse_number(text);
    return 0;
}
