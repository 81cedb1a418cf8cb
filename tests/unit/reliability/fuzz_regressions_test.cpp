// Inputs found by the fuzz campaign (tests/fuzz, docs/reliability.md), minimized by hand to the
// bytes that matter. Each failed the round-trip oracle: the network read fine, but a writer
// produced a file that does not read back as the same network.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "unit/io/io_test_util.hpp"

namespace crashchain {
namespace {

using testing_io::csv;
using testing_io::dot;
using testing_io::error_of;
using testing_io::json;

template <std::size_t N>
std::string bytes(const char (&literal)[N]) {
    return std::string(literal, N - 1);
}

Network via_dot(const Network& network) {
    std::ostringstream out;
    write_dot(out, network);
    return dot(out.str());
}

// fuzz_csv: a NUL byte inside an id was accepted; the DOT writer wrote it, and cgraph (which
// reads a C string) stopped there: "DOT syntax error scanning a quoted string". Every reader now
// refuses NUL bytes with the line, so no writer ever sees one.
TEST(FuzzRegression, NulByteInACsvId) {
    EXPECT_EQ(error_of([] { return csv(bytes("from,to,kind,amount\nA,\0B,loan,1e9\n")); }),
              "edges.csv:2: NUL byte (expected UTF-8 text; is the file UTF-16 or binary?)");
}

// fuzz_json: the same through a JSON escape.
TEST(FuzzRegression, EscapedNulInAJsonId) {
    EXPECT_EQ(error_of([] { return json(R"({"entities":[{"id":"a\u0000b"}]})"); }),
              "net.json:1: a string holds \\u0000, a NUL character (expected text without NUL, "
              "which DOT, CSV and terminals cannot carry)");
}

// fuzz_csv: an entity called "%OpenAI" (a spreadsheet cell starting with %) came back from DOT
// with an empty id. cgraph takes any name starting with % for one of its internal names and
// gives the object another (`dot -Tcanon` prints "%OpenAI" as <%5>), so DOT cannot carry it:
// the writer refuses such names, and the reader names the entity and its line.
TEST(FuzzRegression, IdsStartingWithPercentCannotGoThroughDot) {
    const Network network = csv("from,to,kind,amount\n%OpenAI,b,loan,1\n");
    EXPECT_EQ(error_of([&] { return via_dot(network); }),
              "entity %OpenAI: id \"%OpenAI\" cannot be written in DOT: Graphviz reads a name "
              "starting with % as an internal one and loses it (rename it)");
    EXPECT_EQ(error_of([] { return dot("digraph {\n a -> \"%OpenAI\" [kind=loan, amount=1]\n}"); }),
              "net.dot:2: entity %OpenAI: an id starting with % is read by Graphviz as an internal "
              "name and lost (expected an id that does not start with %)");
    // A graph name or an edge key starting with % is refused by the writer too.
    Network named = csv("from,to,kind,amount,key\na,b,loan,1,%k\n");
    EXPECT_EQ(error_of([&] { return via_dot(named); }),
              "contract a->b: key \"%k\" cannot be written in DOT: Graphviz reads a name starting "
              "with % as an internal one and loses it (rename it)");
    named = csv("from,to,kind,amount\na,b,loan,1\n");
    named.name = "%net";
    EXPECT_EQ(error_of([&] { return via_dot(named); }),
              "graph name: name \"%net\" cannot be written in DOT: Graphviz reads a name "
              "starting with % as an internal one and loses it (rename it)");
    // Attribute values may start with %.
    EXPECT_EQ(via_dot(csv("from,to,kind,amount,note\na,b,loan,1,%50 up front\n"))
                  .contract(0)
                  .attributes,
              (Attributes{{"note", "%50 up front"}}));
}

// fuzz_json (10-minute campaign): {"id":"B","":0.5} was accepted with an attribute named "";
// the CSV writer wrote a header column without a name, which the CSV reader refuses ("header
// column 6 has no name"). JSON and DOT can spell such a name, CSV cannot: every reader now
// refuses it, for entities and contracts, with the element's line.
TEST(FuzzRegression, AttributeWithAnEmptyName) {
    constexpr const char* kNoName =
        "an attribute has an empty name (expected a name such as note or source)";
    EXPECT_EQ(error_of([] {
                  return json(R"({"entities":[{"id":"A","type":"bank","capital":1e9},)"
                              R"({"id":"B","":0.5}]})");
              }),
              std::string("net.json:1: entity B: ") + kNoName);
    EXPECT_EQ(error_of([] {
                  return json("{\"entities\":[{\"id\":\"A\"},{\"id\":\"B\"}],\"contracts\":[\n"
                              "{\"from\":\"A\",\"to\":\"B\",\"kind\":\"loan\",\"amount\":1,\"\":\"c\"}]}");
              }),
              std::string("net.json:2: contract A->B (contracts[0]): ") + kNoName);
    EXPECT_EQ(error_of([] { return dot("digraph {\n A;\n B [\"\"=x];\n A -> B [kind=loan, amount=1]\n}"); }),
              std::string("net.dot:3: entity B: ") + kNoName);
    EXPECT_EQ(error_of([] { return dot("digraph {\n A -> B [kind=loan, amount=1, \"\"=c]\n}"); }),
              std::string("net.dot:2: contract A->B: ") + kNoName);
    // An empty value means "absent" in every format, whatever the name: nothing to refuse.
    EXPECT_EQ(json(R"({"entities":[{"id":"B","":""}]})").entity(0).attributes, Attributes{});
}

// cgraph does not count line breaks inside quoted strings, so its "syntax error in line N" is
// translated back to the real line.
TEST(FuzzRegression, SyntaxErrorLineAfterAMultiLineString) {
    EXPECT_EQ(error_of([] { return dot("digraph {\n a [note=\"l1\nl2\nl3\"];\n a -> ; }"); }),
              "net.dot:5: DOT syntax error near ';'");
    // Line breaks in HTML strings, comments and backslash-newlines are counted by cgraph itself.
    EXPECT_EQ(error_of([] {
                  return dot("digraph {\n a [note=<l1\nl2>, x=\"q\\\nr\"];\n /* \"c1\nc2 */\n a -> ; }");
              }),
              "net.dot:7: DOT syntax error near ';'");
}

}  // namespace
}  // namespace crashchain
