#pragma once
// Every output file goes through here: written to a temporary file in the target folder, then
// renamed, so a failed run never leaves a half-written file.

#include <functional>
#include <ostream>
#include <string>
#include <string_view>

namespace crashchain {

/// Calls `write` with a stream to a temporary file next to `path` and renames it to `path`.
/// InputError naming the path if it cannot be written; the temporary file is removed on failure.
void write_atomically(const std::string& path, const std::function<void(std::ostream&)>& write);

/// Same for two files that belong together (OUT.csv and OUT.nodes.csv): both are written to
/// temporary files and renamed only when both are complete, so a failure leaves neither.
void write_pair_atomically(const std::string& first, const std::string& second,
                           const std::function<void(std::ostream&, std::ostream&)>& write);

/// Same, for content already in memory.
void write_file_atomically(const std::string& path, std::string_view content);

}  // namespace crashchain
