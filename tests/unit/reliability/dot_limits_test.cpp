// DOT input and cgraph's lexer (flex): after every read, flex re-scans the current token from
// its start, and agmemread read one line at a time, so one quoted string of L bytes over n lines
// cost L * n (a 2 MB note of 80-column lines took 13 minutes; a 100 MB one, hours). The reader
// now hands cgraph whole chunks (L * L / 8 KiB) and refuses any token over 256 KiB first.
#include <gtest/gtest.h>

#include <string>

#include "io/locate.hpp"
#include "unit/io/io_test_util.hpp"

namespace crashchain {
namespace {

using testing_io::dot;
using testing_io::error_of;

std::string too_long(const std::string& what, std::size_t line) {
    return "net.dot:" + std::to_string(line) + ": " + what +
           " longer than 256 KiB (Graphviz's DOT parser slows down with the square of its "
           "length; expected shorter text, or JSON or CSV for long text)";
}

TEST(DotLimits, QuotedStringUpToTheLimitLoads) {
    // The token is the string with its two quotes: 256 KiB - 2 bytes of text is the longest.
    const std::string text(detail::kMaxDotToken - 2, 'x');
    const Network network = dot("digraph { a -> b [kind=loan, amount=1, note=\"" + text + "\"] }");
    ASSERT_EQ(network.contract(0).attributes.size(), 1U);
    EXPECT_EQ(network.contract(0).attributes[0].second, text);
    EXPECT_EQ(error_of([] {
                  return dot("digraph {\n\n a -> b [kind=loan, amount=1, note=\"" +
                             std::string(detail::kMaxDotToken - 1, 'x') + "\"] }");
              }),
              too_long("a quoted string", 3));
}

TEST(DotLimits, EveryKindOfLongTokenIsRefusedWithItsLine) {
    const std::string filler(detail::kMaxDotToken + 1, 'q');
    EXPECT_EQ(error_of([&] { return dot("digraph { a [note=<" + filler + ">] }"); }),
              too_long("an HTML string <...>", 1));
    EXPECT_EQ(error_of([&] { return dot("digraph {\n " + filler + " }"); }), too_long("an id", 2));
    EXPECT_EQ(error_of([&] { return dot("/* " + filler + " */ digraph { a }"); }),
              too_long("a comment", 1));
    EXPECT_EQ(error_of([&] { return dot("digraph { a }\n// " + filler); }),
              too_long("a comment", 2));
    EXPECT_EQ(error_of([&] { return dot("digraph {" + std::string(detail::kMaxDotToken + 1, ' ') + "a }"); }),
              too_long("a run of blanks", 1));
    // Many short tokens add up to far more than the limit and are fine.
    std::string many = "digraph {\n";
    for (int i = 0; i < 2000; ++i) many += " n" + std::to_string(i) + " [note=\"" + std::string(200, 'n') + "\"];\n";
    EXPECT_EQ(dot(many + "}").entity_count(), 2000U);
}

TEST(DotLimits, MultiLineStringsKeepTheirTextAndLineNumbers) {
    std::string lines;
    for (int i = 0; i < 1000; ++i) lines += "line " + std::to_string(i) + "\n";
    const Network network = dot("digraph {\n a [note=\"" + lines + "\"];\n a -> b [kind=loan, amount=1]\n}");
    EXPECT_EQ(network.entity(0).attributes, (Attributes{{"note", lines}}));
    // A backslash-newline inside a string is a line continuation: dropped from the text.
    EXPECT_EQ(dot("digraph { a [note=\"one\\\ntwo\"] }").entity(0).attributes,
              (Attributes{{"note", "onetwo"}}));
}

}  // namespace
}  // namespace crashchain
