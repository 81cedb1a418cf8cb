#include "io/csv_scanner.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace crashchain::detail {
namespace {

struct Record {
    std::size_t line;
    std::vector<std::string> fields;
    std::string error;
    bool operator==(const Record&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Record& r) {
    out << r.line << ":";
    for (const auto& f : r.fields) out << "[" << f << "]";
    return out << (r.error.empty() ? "" : " error: " + r.error);
}

std::vector<Record> scan(const std::string& text, std::size_t buffer = 0) {
    std::istringstream in(text);
    CsvScanner scanner(in, buffer);
    std::vector<Record> records;
    while (scanner.next()) {
        records.push_back({scanner.line(),
                           {scanner.fields().begin(), scanner.fields().end()},
                           scanner.error()});
    }
    return records;
}

// Every case is scanned with the automatic buffer and with tiny buffers, so that records,
// quoted fields, doubled quotes and CRLF pairs are split across refills at every position.
void expect_scan(const std::string& text, const std::vector<Record>& expected) {
    EXPECT_EQ(scan(text), expected) << "automatic buffer";
    for (std::size_t buffer = 2; buffer <= 9; ++buffer) {
        EXPECT_EQ(scan(text, buffer), expected) << "buffer of " << buffer << " bytes";
    }
}

TEST(CsvScanner, EmptyInputHasNoRecords) {
    expect_scan("", {});
    expect_scan("\n\n", {});
}

TEST(CsvScanner, PlainRecordsWithAndWithoutFinalNewline) {
    expect_scan("a,b\nc,d\n", {{1, {"a", "b"}, ""}, {2, {"c", "d"}, ""}});
    expect_scan("a,b\nc,d", {{1, {"a", "b"}, ""}, {2, {"c", "d"}, ""}});
}

TEST(CsvScanner, EmptyFieldsAreKept) {
    expect_scan(",x,\n", {{1, {"", "x", ""}, ""}});
}

TEST(CsvScanner, CrlfAndByteOrderMark) {
    expect_scan("\xEF\xBB\xBFid,type\r\nA,lab\r\n", {{1, {"id", "type"}, ""}, {2, {"A", "lab"}, ""}});
}

TEST(CsvScanner, QuotedFieldsHoldCommasQuotesAndNewlines) {
    // Line 1: "x, ""y""" -> x, "y"; the second field spans lines 1-3; the next record is line 4.
    expect_scan("\"x, \"\"y\"\"\",\"one\ntwo\r\nthree\"\nnext,\"\"\n",
                {{1, {"x, \"y\"", "one\ntwo\r\nthree"}, ""}, {4, {"next", ""}, ""}});
}

TEST(CsvScanner, BlankLinesAreSkippedButLineNumbersCount) {
    expect_scan("a\n\n  \r\nb\n", {{1, {"a"}, ""}, {4, {"b"}, ""}});
}

TEST(CsvScanner, LineWithOnlyAnEmptyQuotedFieldIsARecord) {
    expect_scan("\"\"\n", {{1, {""}, ""}});
}

TEST(CsvScanner, UnquotedFieldsAreTrimmedQuotedOnesAreNot) {
    expect_scan(" a ,\t b\t, \" c \" \n", {{1, {"a", "b", " c "}, ""}});
}

TEST(CsvScanner, CharacterAfterClosingQuoteIsAnErrorAndTheLineIsSkipped) {
    expect_scan("\"a\"x,b\nc\n",
                {{1, {}, "unexpected character after a closing quote (expected , or the end of "
                         "the line; write a quote inside a quoted field as \"\")"},
                 {2, {"c"}, ""}});
}

TEST(CsvScanner, UnclosedQuoteIsAnError) {
    expect_scan("a\n\"b,c\nd\n",
                {{1, {"a"}, ""}, {2, {}, "quoted field never closed (expected a closing \")"}});
}

TEST(CsvScanner, EstimatesRecordCountFromStreamSize) {
    // 1000 lines of 4 bytes ("a,b\n"): the estimate is 4000 / 4 + 1.
    std::string text;
    for (int i = 0; i < 1000; ++i) text += "a,b\n";
    std::istringstream in(text);
    CsvScanner scanner(in);
    ASSERT_TRUE(scanner.estimated_records().has_value());
    EXPECT_EQ(*scanner.estimated_records(), 1001U);
}

}  // namespace
}  // namespace crashchain::detail
