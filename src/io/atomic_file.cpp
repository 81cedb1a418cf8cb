#include "io/atomic_file.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "core/error.hpp"

namespace crashchain {
namespace {

namespace fs = std::filesystem;

/// A temporary file next to its target, removed on destruction unless renamed onto the target.
class TempFile {
public:
    explicit TempFile(std::string path) : path_(std::move(path)) {
        const fs::path target(path_);
        const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
        // Built by appending: `"." + string` trips GCC 12's -Wrestrict false positive at -O3.
        std::string name = ".";
        name += target.filename().string();
        name += ".tmp" + std::to_string(::getpid());
        temp_ = folder / name;
        out_.open(temp_, std::ios::binary | std::ios::trunc);
        if (!out_) fail(std::strerror(errno));
    }
    ~TempFile() {
        if (renamed_) return;
        out_.close();
        std::error_code ignored;
        fs::remove(temp_, ignored);
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;

    std::ostream& stream() { return out_; }

    /// Flushes and closes; a full disk shows up here as a failed stream.
    void finish() {
        out_.flush();
        if (out_) out_.close();
        if (!out_) fail("write failed");
    }

    /// Fails before anything is renamed if the target cannot be replaced by a file.
    void check_target() {
        std::error_code ec;
        if (fs::is_directory(path_, ec)) fail(std::strerror(EISDIR));
    }

    void rename() {
        std::error_code ec;
        fs::rename(temp_, path_, ec);
        if (ec) fail(ec.message());
        renamed_ = true;
    }

    [[noreturn]] void fail(const std::string& why) const {
        throw InputError(Diagnostic{path_, std::nullopt, {}, "cannot write output: " + why});
    }

private:
    std::string path_;
    fs::path temp_;
    std::ofstream out_;
    bool renamed_ = false;
};

}  // namespace

void write_atomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
    TempFile file(path);
    write(file.stream());  // if it throws, the destructor removes the temporary file
    file.finish();
    file.rename();
}

void write_pair_atomically(const std::string& first, const std::string& second,
                           const std::function<void(std::ostream&, std::ostream&)>& write) {
    TempFile one(first);
    TempFile two(second);
    write(one.stream(), two.stream());
    one.finish();
    two.finish();
    one.check_target();
    two.check_target();
    two.rename();
    try {
        one.rename();
    } catch (const InputError&) {
        // The pair is incomplete: take back the second file rather than leave it alone.
        std::error_code ignored;
        fs::remove(second, ignored);
        throw;
    }
}

void write_file_atomically(const std::string& path, std::string_view content) {
    write_atomically(path, [content](std::ostream& out) {
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
    });
}

}  // namespace crashchain
