#include "io/atomic_file.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "core/error.hpp"

namespace crashchain {
namespace fs = std::filesystem;

void write_atomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
    const fs::path target(path);
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    // Built by appending: `"." + string` trips GCC 12's -Wrestrict false positive at -O3.
    std::string temp_name = ".";
    temp_name += target.filename().string();
    temp_name += ".tmp" + std::to_string(::getpid());
    const fs::path temp = folder / temp_name;
    auto fail = [&](const std::string& why) {
        std::error_code ignored;
        fs::remove(temp, ignored);
        throw InputError(Diagnostic{path, std::nullopt, {}, "cannot write output: " + why});
    };
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out) fail(std::strerror(errno));
        try {
            write(out);
        } catch (...) {
            out.close();
            std::error_code ignored;
            fs::remove(temp, ignored);
            throw;
        }
        out.flush();
        if (!out) fail("write failed");
    }
    std::error_code ec;
    fs::rename(temp, target, ec);
    if (ec) fail(ec.message());
}

void write_file_atomically(const std::string& path, std::string_view content) {
    write_atomically(path, [content](std::ostream& out) {
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
    });
}

}  // namespace crashchain
