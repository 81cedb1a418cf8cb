#pragma once
// A small table builder rendered as aligned terminal text, Markdown or CSV.

#include <string>
#include <vector>

namespace crashchain {

class Table {
public:
    enum class Align : unsigned char { left, right };

    /// Columns; numbers usually right-aligned.
    explicit Table(std::vector<std::string> headers, std::vector<Align> align = {});
    void add_row(std::vector<std::string> cells);
    [[nodiscard]] bool empty() const { return rows_.empty(); }

    /// Columns padded to their widest cell (UTF-8 aware), separated by two spaces.
    [[nodiscard]] std::string text() const;
    /// GitHub-flavoured Markdown table; `|` in cells escaped.
    [[nodiscard]] std::string markdown() const;
    /// RFC 4180 CSV with a header row.
    [[nodiscard]] std::string csv() const;

private:
    std::vector<std::string> headers_;
    std::vector<Align> align_;
    std::vector<std::vector<std::string>> rows_;
};

/// RFC 4180 quoting when needed (comma, quote, CR/LF).
[[nodiscard]] std::string csv_field(const std::string& value);
/// Number of code points (for alignment of non-ASCII ids).
[[nodiscard]] std::size_t display_width(const std::string& text);

}  // namespace crashchain
