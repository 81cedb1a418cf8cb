#pragma once
// Streaming RFC 4180 record reader: the fast path for files of millions of contracts.
// Large buffered reads; fields are string_views into the buffer (quoted fields with doubled
// quotes are unescaped into a scratch string), so the hot path allocates nothing per field.
// Accepts a UTF-8 byte order mark, CRLF or LF line ends, and quoted fields holding commas,
// quotes and newlines. Unquoted fields are trimmed of surrounding blanks (spaces, tabs).

#include <cstddef>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace crashchain::detail {

class CsvScanner {
public:
    /// `buffer_bytes` = 0 picks a size from the stream; tests pass tiny sizes to exercise refills.
    explicit CsvScanner(std::istream& in, std::size_t buffer_bytes = 0);

    /// Reads the next non-blank record. Returns false at the end of input. On a malformed
    /// record, returns true with `error()` set (the record is skipped up to its line end).
    bool next();

    [[nodiscard]] const std::vector<std::string_view>& fields() const { return fields_; }
    /// Physical line (1-based) where the current record starts.
    [[nodiscard]] std::size_t line() const { return record_line_; }
    /// What is wrong with the current record, or empty.
    [[nodiscard]] const std::string& error() const { return error_; }
    /// Estimated number of records left, from the stream size and the first buffer (for
    /// reserving memory once); nullopt for streams that cannot seek.
    [[nodiscard]] std::optional<std::size_t> estimated_records() const { return estimate_; }

private:
    enum class Parse { complete, need_more, malformed };
    Parse parse_record();
    void refill();
    void skip_line_from(std::size_t position);
    Parse fail(std::string message, std::size_t position, std::size_t newlines);

    std::istream& in_;
    std::vector<char> buffer_;
    std::size_t begin_ = 0;  ///< start of unparsed data
    std::size_t end_ = 0;    ///< end of valid data
    bool eof_ = false;
    bool nul_seen_ = false;  ///< a NUL byte was read: records are checked for one
    std::size_t next_line_ = 1;
    std::size_t record_line_ = 0;
    bool record_quoted_ = false;  ///< a line holding only "" is a record, not a blank line
    std::vector<std::string_view> fields_;
    // Unescaped quoted fields: (offset, length) into scratch_, resolved when the record ends.
    std::vector<std::pair<std::size_t, std::size_t>> scratch_fields_;
    std::vector<std::size_t> scratch_slots_;
    std::string scratch_;
    std::string error_;
    std::optional<std::size_t> stream_bytes_;
    std::optional<std::size_t> estimate_;
};

}  // namespace crashchain::detail
