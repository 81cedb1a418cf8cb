// Hostile and degenerate inputs (SPEC 1.7): each either loads with the right numbers or is an
// InputError with a short message naming the file, line, entity or contract and what is
// expected. Never a crash, a hang, a silently skipped contract or an echo of megabytes.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "model/summary.hpp"
#include "report/summary_report.hpp"
#include "unit/io/io_test_util.hpp"

namespace crashchain {
namespace {

using testing_io::csv;
using testing_io::dot;
using testing_io::error_of;
using testing_io::json;

constexpr const char* kKinds = "equity, loan, bond, credit, lease, purchase, guarantee, warrant";
constexpr const char* kCsvHeader =
    "empty file (expected a header row: from,to,kind,amount in any order, then optional "
    "attribute columns)";
constexpr const char* kJsonEmpty =
    "net.json: empty file (expected {\"entities\": [{\"id\": ...}], \"contracts\": [{\"from\": "
    ".., \"to\": .., \"kind\": .., \"amount\": ..}]})";
constexpr const char* kNul = "NUL byte (expected UTF-8 text; is the file UTF-16 or binary?)";
constexpr const char* kNoGraph =
    "no graph found (expected digraph NAME { A -> B [kind=loan, amount=\"1B\"]; })";

/// A literal with embedded NUL bytes, whole.
template <std::size_t N>
std::string bytes(const char (&literal)[N]) {
    return std::string(literal, N - 1);
}

std::string nodes_csv(const std::string& edges, const std::string& nodes) {
    return error_of([&] { return csv(edges, &nodes); });
}

// ---- empty and blank files ----

TEST(HostileInput, EmptyFileInEveryFormat) {
    EXPECT_EQ(error_of([] { return csv(""); }), std::string("edges.csv: ") + kCsvHeader);
    EXPECT_EQ(error_of([] { return dot(""); }), std::string("net.dot: ") + kNoGraph);
    EXPECT_EQ(error_of([] { return json(""); }), kJsonEmpty);
}

TEST(HostileInput, BlankFileInEveryFormat) {
    // Blank lines are skipped in CSV, so a file of blanks has no header row either.
    EXPECT_EQ(error_of([] { return csv("\n\r\n  \n"); }),
              std::string("edges.csv: ") + kCsvHeader);
    EXPECT_EQ(error_of([] { return dot("  \n\n"); }), std::string("net.dot: ") + kNoGraph);
    EXPECT_EQ(error_of([] { return json(" \n\n"); }), kJsonEmpty);
}

TEST(HostileInput, EmptyNodesFile) {
    EXPECT_EQ(nodes_csv("from,to,kind,amount\n", ""),
              "nodes.csv: empty file (expected a header row: id, then optional attribute "
              "columns)");
}

// ---- binary garbage ----

// The first bytes of a PNG file: a NUL byte on line 3, bytes that are not UTF-8.
const std::string kPng = bytes("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xfe");

TEST(HostileInput, BinaryGarbageInEveryFormat) {
    // CSV stops at the header (line 1 has no NUL, but no column names either).
    EXPECT_EQ(error_of([] { return csv(kPng); }),
              "edges.csv:1: header has no \"from\", \"to\", \"kind\", \"amount\" columns "
              "(expected from,to,kind,amount in any order, then optional attribute columns)");
    EXPECT_EQ(error_of([] { return dot(kPng); }), std::string("net.dot:3: ") + kNul);
    EXPECT_EQ(error_of([] { return json(kPng); }),
              "net.json:1: JSON syntax error while parsing value - invalid literal; last read: "
              "'\x89'");
}

TEST(HostileInput, NulBytesInCsvRecordsAreReportedWithTheirLine) {
    // A UTF-16 export: NUL after every ASCII byte, from line 1 on.
    EXPECT_EQ(error_of([] { return csv(bytes("f\0r\0o\0m\0,\0t\0o\0\n\0")); }),
              std::string("edges.csv:1: ") + kNul);
    // A NUL inside a field of line 3 (the header and line 2 are fine), in both files.
    EXPECT_EQ(error_of([] { return csv(bytes("from,to,kind,amount\na,b,loan,1\na\0x,b,loan,1\n")); }),
              std::string("edges.csv:3: ") + kNul);
    EXPECT_EQ(nodes_csv("from,to,kind,amount\na,a,loan,1\n", bytes("id\na\nb\0\n")),
              std::string("nodes.csv:3: ") + kNul);
}

TEST(HostileInput, EscapedNulInJsonStringsIsRefused) {
    // JSON can spell a NUL (\u0000), but no id or note can carry it to DOT, CSV or a terminal.
    EXPECT_EQ(error_of([] { return json("{\"entities\": [\n {\"id\": \"a\\u0000b\"}]}"); }),
              "net.json:2: a string holds \\u0000, a NUL character (expected text without NUL, "
              "which DOT, CSV and terminals cannot carry)");
    // An escaped backslash followed by u0000 is plain text.
    EXPECT_EQ(json("{\"entities\": [{\"id\": \"a\\\\u0000b\"}]}").id(0), "a\\u0000b");
}

TEST(HostileInput, NulByteAfterAValidGraphIsNotIgnored) {
    // cgraph reads a C string: without a check, everything after the NUL would vanish silently.
    const std::string text = bytes("digraph g { a -> b [kind=loan, amount=1] }\n\0c -> d");
    EXPECT_EQ(error_of([&] { return dot(text); }), std::string("net.dot:2: ") + kNul);
}

// ---- DOT graph kinds ----

TEST(HostileInput, UndirectedAndStrictDotGraphs) {
    EXPECT_EQ(error_of([] { return dot("graph g {\n a -- b [kind=loan, amount=1]\n}"); }),
              "net.dot:1: undirected graph (expected a digraph: each contract A -> B has a "
              "direction, the way the money moves)");
    EXPECT_EQ(error_of([] { return dot("/* x */\nstrict digraph g { a -> b [kind=loan, amount=1] }"); }),
              "net.dot:2: strict digraph merges parallel contracts; use digraph");
    // A strict undirected graph is reported as undirected, the first thing to fix.
    EXPECT_EQ(error_of([] { return dot("strict graph { a -- b }"); }),
              "net.dot:1: undirected graph (expected a digraph: each contract A -> B has a "
              "direction, the way the money moves)");
}

// ---- self-loops only ----

TEST(HostileInput, SelfLoopsOnlyLoadAndCount) {
    // Two contracts a -> a: 1 entity, 2 self-loops, volume 1 + 2 = 3.
    for (const Network& network :
         {dot("digraph { a -> a [kind=loan, amount=1]; a -> a [kind=equity, amount=2] }"),
          csv("from,to,kind,amount\na,a,loan,1\na,a,equity,2\n"),
          json(R"({"entities":[{"id":"a"}],"contracts":[{"from":"a","to":"a","kind":"loan","amount":1},
                  {"from":"a","to":"a","kind":"equity","amount":2}]})")}) {
        ASSERT_EQ(network.entity_count(), 1U);
        ASSERT_EQ(network.contract_count(), 2U);
        const NetworkSummary summary = summarize(network);
        EXPECT_EQ(summary.self_loops, 2U);
        EXPECT_EQ(summary.volume, 3.0);
    }
}

// ---- extreme amounts ----

TEST(HostileInput, LargestSmallestAndZeroAmounts) {
    const Network big = csv("from,to,kind,amount\na,b,loan,1e308\nb,a,loan,1e-308\n");
    EXPECT_EQ(big.contract(0).amount, 1e308);
    EXPECT_EQ(big.contract(1).amount, 1e-308);  // subnormal, still > 0
    EXPECT_EQ(summarize(big).volume, 1e308);    // 1e308 + 1e-308 rounds to 1e308
    EXPECT_EQ(error_of([] { return csv("from,to,kind,amount\na,b,loan,0\n"); }),
              "edges.csv:2: contract a->b: amount \"0\" must be > 0");
    EXPECT_EQ(error_of([] { return dot("digraph { a -> b [kind=loan, amount=0] }"); }),
              "net.dot:1: contract a->b: amount \"0\" must be > 0");
    EXPECT_EQ(error_of([] {
                  return json(R"({"entities":[{"id":"a"},{"id":"b"}],
                                  "contracts":[{"from":"a","to":"b","kind":"loan","amount":0}]})");
              }),
              "net.json:2: contract a->b (contracts[0]): amount \"0\" must be > 0");
    // Beyond the largest double: 1.8e308, and 1e300T = 1e312.
    EXPECT_EQ(error_of([] { return csv("from,to,kind,amount\na,b,loan,1.8e308\nb,a,loan,1e300T\n"); }),
              "edges.csv:2: contract a->b: amount \"1.8e308\" is not a number (expected e.g. "
              "100B, $1.4T, 6.3e9)\n"
              "edges.csv:3: contract b->a: amount \"1e300T\" is not a number (expected e.g. "
              "100B, $1.4T, 6.3e9)");
}

// ---- CSV layout: BOM, CRLF, quoting, line numbers ----

TEST(HostileInput, BomAndCrlfInBothCsvFiles) {
    const std::string nodes = "\xEF\xBB\xBFid,capital\r\na,1B\r\nb,2B\r\n";
    const Network network = csv("\xEF\xBB\xBF" "from,to,kind,amount\r\na,b,loan,5M\r\n", &nodes);
    ASSERT_EQ(network.entity_count(), 2U);
    EXPECT_EQ(network.entity(0).id, "a");  // not "\xEF\xBB\xBFa" or "a\r"
    EXPECT_EQ(network.entity(1).capital, 2e9);
    EXPECT_EQ(network.contract(0).amount, 5e6);
}

TEST(HostileInput, QuotedFieldsWithCommasNewlinesAndQuotes) {
    const Network network = csv(
        "from,to,kind,amount,note\n"
        "\"Acme, Inc.\",\"B\nC\",loan,\"1.5B\",\"say \"\"hi\"\", then\r\nbye\"\n");
    ASSERT_EQ(network.entity_count(), 2U);
    EXPECT_EQ(network.id(0), "Acme, Inc.");
    EXPECT_EQ(network.id(1), "B\nC");
    EXPECT_EQ(network.contract(0).attributes,
              (Attributes{{"note", "say \"hi\", then\r\nbye"}}));
    // "1,5B" is one field, and not an amount (no thousands separators); the id with a line
    // break is shown escaped, so the message stays on one line.
    EXPECT_EQ(error_of([] {
                  return csv("from,to,kind,amount\n\"Acme, Inc.\",\"B\nC\",loan,\"1,5B\"\n");
              }),
              "edges.csv:2: contract Acme, Inc.->B\\nC: amount \"1,5B\" is not a number (expected "
              "e.g. 100B, $1.4T, 6.3e9)");
}

TEST(HostileInput, LineNumbersCountPhysicalLinesInsideQuotedFields) {
    // The note on line 2 spans lines 2-4; the bad kind is on line 5.
    EXPECT_EQ(error_of([] {
                  return csv("from,to,kind,amount,note\n"
                             "a,b,loan,1,\"one\ntwo\r\nthree\"\n"
                             "a,b,gift,1,\n");
              }),
              std::string("edges.csv:5: contract a->b: unknown kind \"gift\" (expected one of ") +
                  kKinds + ")");
}

TEST(HostileInput, DuplicateIdsAcrossNodesRows) {
    // Line 2: a (its note spans lines 2-3); line 4: b; line 5: a again.
    EXPECT_EQ(nodes_csv("from,to,kind,amount\na,b,loan,1\n",
                        "id,note\na,\"x\ny\"\nb,\na,\n"),
              "nodes.csv:5: entity a: duplicate id (first on line 2)");
}

// ---- non-ASCII ids ----

TEST(HostileInput, NonAsciiIdsInEveryFormatAndInMessages) {
    const Network from_csv = csv("from,to,kind,amount\n软银,OpenAI,equity,40B\n");
    const Network from_dot = dot("digraph { 软银 -> OpenAI [kind=equity, amount=\"40B\"] }");
    const Network from_json = json(R"({"entities":[{"id":"软银"},{"id":"OpenAI"}],
        "contracts":[{"from":"软银","to":"OpenAI","kind":"equity","amount":4e10}]})");
    for (const Network* network : {&from_csv, &from_dot, &from_json}) {
        ASSERT_EQ(network->entity_count(), 2U);
        EXPECT_EQ(network->id(0), "软银");
        EXPECT_EQ(network->contract(0).amount, 4e10);
    }
    EXPECT_EQ(error_of([] { return csv("from,to,kind,amount\n软银,OpenAI,礼物,1\n"); }),
              std::string("edges.csv:2: contract 软银->OpenAI: unknown kind \"礼物\" (expected "
                          "one of ") + kKinds + ")");
}

// ---- ids that need quoting in DOT, through save_network/load_network (convert) ----

TEST(HostileInput, IdsThatNeedQuotingSurviveConvertToDotAndBack) {
    // Keywords in any case, blanks, quotes, backslashes, arrows, leading digits, numerals,
    // HTML-like text, non-ASCII, a line break, a lone minus, a comment opener.
    const std::vector<std::string> ids = {
        "node", "Edge", "STRICT", "subgraph", "a b", "say \"hi\"", "back\\\\slash", "a->b",
        "a--b", "2x", "1.5", "-.5", "-", "<b>x</b>", "<", "软银", "line\nbreak", "/*", "#1",
        "x;y", "[z]", "a=b", " padded "};
    Network network;
    for (const auto& id : ids) {
        Entity entity;
        entity.id = id;
        ASSERT_TRUE(network.add_entity(entity).has_value()) << id;
    }
    for (EntityIndex i = 0; i + 1 < network.entity_count(); ++i) {
        Contract contract;
        contract.from = i;
        contract.to = i + 1;
        contract.amount = 1e9 + i;
        network.add_contract(contract);
    }
    const auto folder = std::filesystem::temp_directory_path() / "crashchain_hostile_ids";
    std::filesystem::create_directories(folder);
    for (const char* name : {"ids.dot", "ids.json", "ids.csv"}) {
        const std::string path = (folder / name).string();
        save_network(network, path);
        const bool is_csv = std::string(name).ends_with(".csv");
        const Network back = load_network(
            is_csv ? NetworkSource{{}, path, (folder / "ids.nodes.csv").string()}
                   : NetworkSource{path, {}, {}});
        SCOPED_TRACE(name);
        testing_io::expect_same_network(network, back);
    }
    std::filesystem::remove_all(folder);
}

// ---- sizes: a 100 MB value, a million entities ----

constexpr std::size_t k100MB = std::size_t{100} << 20;

TEST(HostileInput, HundredMegabyteValueIsKeptOrReportedBriefly) {
    const std::string huge(k100MB, 'x');
    // As a pass-through attribute: kept whole.
    const Network kept = csv("from,to,kind,amount,note\na,b,loan,1," + huge + "\n");
    ASSERT_EQ(kept.contract(0).attributes.size(), 1U);
    EXPECT_EQ(kept.contract(0).attributes[0].second.size(), k100MB);
    // As a bad kind, in each format: the message quotes 40 bytes of it.
    const std::string shown = "\"" + std::string(40, 'x') + "...\"";
    const std::string expected = "contract a->b: unknown kind " + shown + " (expected one of " +
                                 kKinds + ")";
    EXPECT_EQ(error_of([&] { return csv("from,to,kind,amount\na,b," + huge + ",1\n"); }),
              "edges.csv:2: " + expected);
    EXPECT_EQ(error_of([&] {
                  return json(R"({"entities":[{"id":"a"},{"id":"b"}],"contracts":[{"from":"a","to":"b","kind":")" +
                              huge + R"(","amount":1}]})");
              }),
              "net.json:1: contract a->b (contracts[0]): unknown kind " + shown +
                  " (expected one of " + kKinds + ")");
    // DOT refuses any string over 256 KiB before cgraph, whose lexer is quadratic in the length
    // of one token (a 100 MB string would take hours).
    EXPECT_EQ(error_of([&] { return dot("digraph {\n a -> b [kind=\"" + huge + "\", amount=1] }"); }),
              "net.dot:2: a quoted string longer than 256 KiB (Graphviz's DOT parser slows down "
              "with the square of its length; expected shorter text, or JSON or CSV for long text)");
}

TEST(HostileInput, HundredMegabyteIdIsShortenedInMessages) {
    const std::string huge(k100MB, 'y');
    const std::string message =
        error_of([&] { return csv("from,to,kind,amount\n" + huge + ",b,gift,1\n"); });
    EXPECT_EQ(message, "edges.csv:2: contract " + std::string(60, 'y') +
                           "...->b: unknown kind \"gift\" (expected one of " + kKinds + ")");
}

TEST(HostileInput, MillionEntitiesAndNoContractsLoadAndValidate) {
    constexpr std::size_t kEntities = 1'000'000;
    std::string nodes = "id,type\n";
    nodes.reserve(kEntities * 16);
    for (std::size_t i = 0; i < kEntities; ++i) nodes += "e" + std::to_string(i) + ",bank\n";
    const Network network = csv("from,to,kind,amount\n", &nodes);
    ASSERT_EQ(network.entity_count(), kEntities);
    EXPECT_EQ(network.contract_count(), 0U);
    EXPECT_EQ(network.id(999'999), "e999999");
    const NetworkSummary summary = summarize(network);
    EXPECT_EQ(summary.entities, kEntities);
    EXPECT_EQ(summary.contracts, 0U);
    EXPECT_EQ(summary.volume, 0.0);
    EXPECT_EQ(summary.by_type.at("bank"), kEntities);
    // Warnings name 10 entities and count the rest, not a million names.
    ASSERT_EQ(summary.warnings.size(), 2U);
    EXPECT_EQ(summary.warnings[0],
              "1000000 entities without capital (furfine/debtrank need it): e0, e1, e2, e3, e4, "
              "e5, e6, e7, e8, e9, ...");
    const std::string report = render_summary(summary, "big", Format::json);
    EXPECT_NE(report.find("\"entities\": 1000000"), std::string::npos);
    EXPECT_LT(report.size(), 2000U);
}

}  // namespace
}  // namespace crashchain
