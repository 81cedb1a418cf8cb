// User text quoted back in messages (SPEC 1.7: one clear message per problem): at most 60 bytes
// of an id or a name, cut at a UTF-8 boundary, control characters escaped so that one problem
// is one line. A 100 MB id must not become a 100 MB message.
#include <gtest/gtest.h>

#include <string>

#include "model/attribute_rules.hpp"
#include "model/summary.hpp"
#include "unit/io/io_test_util.hpp"

namespace crashchain {
namespace {

using testing_io::csv;
using testing_io::error_of;
using testing_io::json;

constexpr const char* kKinds = "equity, loan, bond, credit, lease, purchase, guarantee, warrant";

std::string repeat(const std::string& piece, std::size_t times) {
    std::string out;
    for (std::size_t i = 0; i < times; ++i) out += piece;
    return out;
}

TEST(Shorten, ShortTextIsUnchangedLongTextIsCut) {
    EXPECT_EQ(shorten(""), "");
    EXPECT_EQ(shorten("OpenAI"), "OpenAI");
    EXPECT_EQ(shorten(std::string(60, 'a')), std::string(60, 'a'));
    EXPECT_EQ(shorten(std::string(61, 'a')), std::string(60, 'a') + "...");
    EXPECT_EQ(shorten("abcdef", 3), "abc...");
}

TEST(Shorten, NeverCutsAUtf8Character) {
    // 软 is 3 bytes. 20 of them are exactly 60 bytes: kept whole.
    EXPECT_EQ(shorten(repeat("软", 20)), repeat("软", 20));
    EXPECT_EQ(shorten(repeat("软", 21)), repeat("软", 20) + "...");
    // "x" + 21 x 软 = 64 bytes; byte 60 is the third byte of the 20th 软 (bytes 58-60), so the
    // cut backs up to byte 58: "x" and 19 characters.
    EXPECT_EQ(shorten("x" + repeat("软", 21)), "x" + repeat("软", 19) + "...");
}

TEST(Shorten, ControlCharactersAreEscaped) {
    EXPECT_EQ(shorten(std::string("a\nb\r\tc\x01\x7f", 8)), "a\\nb\\r\\tc\\x01\\x7F");
}

TEST(Messages, LongIdsAreShortenedInCsvMessages) {
    const std::string long_id(10000, 'y');
    EXPECT_EQ(error_of([&] { return csv("from,to,kind,amount\n" + long_id + ",b,gift,1\n"); }),
              "edges.csv:2: contract " + std::string(60, 'y') + "...->b: unknown kind \"gift\" "
              "(expected one of " + kKinds + ")");
    const std::string nodes = "id\na\n";
    EXPECT_EQ(error_of([&] { return csv("from,to,kind,amount\na," + long_id + ",loan,1\n", &nodes); }),
              "edges.csv:2: contract a->" + std::string(60, 'y') + "...: entity \"" +
                  std::string(60, 'y') +
                  "...\" is not in nodes.csv (expected every contract's from and to there)");
    const std::string name(10000, 'h');
    EXPECT_EQ(error_of([&] { return csv("from,to,kind,amount," + name + "," + name + "\n"); }),
              "edges.csv:1: header column \"" + std::string(60, 'h') + "...\" appears twice");
}

TEST(Messages, LongIdsAndKeysAreShortenedInJsonMessages) {
    const std::string key(10000, 'k');
    EXPECT_EQ(error_of([&] { return json(R"({"entities":[{"id":"a"}],")" + key + R"(":1})"); }),
              "net.json: unknown key \"" + std::string(60, 'k') +
                  "...\" (expected entities, contracts, and optionally name, graph)");
    const std::string id(10000, 'z');
    EXPECT_EQ(error_of([&] {
                  return json(R"({"entities":[{"id":"a"}],"contracts":[{"from":"a","to":")" + id +
                              R"(","kind":"loan","amount":1}]})");
              }),
              "net.json:1: contract a->" + std::string(60, 'z') + "... (contracts[0]): entity \"" +
                  std::string(60, 'z') + "...\" is not in \"entities\"");
}

TEST(Messages, LineBreakInAnIdStaysOnOneLine) {
    EXPECT_EQ(error_of([] { return csv("from,to,kind,amount\n\"a\nb\",c,gift,1\n"); }),
              std::string("edges.csv:2: contract a\\nb->c: unknown kind \"gift\" (expected one of ") +
                  kKinds + ")");
}

TEST(Messages, WholeNetworkProblemsKeepTheLineOfAShortenedId) {
    // Negative derived capital is found after reading (check_network); the reader adds the
    // entity's line from the id named in the message, which is shortened (80 x's -> 60 + ...)
    // or escaped (a tab -> \t). Both still get their line: 2 and 3 in the nodes file.
    constexpr const char* kNegative =
        ": derived capital = assets - liabilities = -$2 is negative (expected assets >= "
        "liabilities, or an explicit capital >= 0)";
    const std::string nodes =
        "id,assets,liabilities\n" + std::string(80, 'x') + ",1,3\n\"a\tb\",1,3\n";
    EXPECT_EQ(error_of([&] { return csv("from,to,kind,amount\n", &nodes); }),
              "nodes.csv:2: entity " + std::string(60, 'x') + "..." + kNegative + "\n" +
                  "nodes.csv:3: entity a\\tb" + kNegative);
    // Two ids that are the same for 60 bytes read the same in a message: no line rather than
    // a wrong one.
    const std::string twins = "id,assets,liabilities\n" + std::string(60, 'y') + "1,1,3\n" +
                              std::string(60, 'y') + "2,1,3\n";
    const std::string shown = "nodes.csv: entity " + std::string(60, 'y') + "..." + kNegative;
    EXPECT_EQ(error_of([&] { return csv("from,to,kind,amount\n", &twins); }),
              shown + "\n" + shown);
}

TEST(Messages, SummaryWarningsShortenIds) {
    const Network network = csv("from,to,kind,amount,source\n" + std::string(100, 'w') +
                                ",b,loan,1,s\n");
    const NetworkSummary summary = summarize(network);
    ASSERT_EQ(summary.warnings.size(), 2U);
    EXPECT_EQ(summary.warnings[0], "2 entities without capital (furfine/debtrank need it): " +
                                       std::string(60, 'w') + "..., b");
}

}  // namespace
}  // namespace crashchain
