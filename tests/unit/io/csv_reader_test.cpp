#include <gtest/gtest.h>

#include "io_test_util.hpp"

namespace crashchain {
namespace {

using testing_io::csv;
using testing_io::error_of;

constexpr const char* kKinds = "equity, loan, bond, credit, lease, purchase, guarantee, warrant";

TEST(CsvReader, HeaderOnlyIsAnEmptyNetwork) {
    EXPECT_EQ(error_of([] { return csv("from,to,kind,amount\n"); }),
              "edges.csv: the network is empty (expected at least one entity)");
}

TEST(CsvReader, EmptyFileNeedsAHeader) {
    EXPECT_EQ(error_of([] { return csv(""); }),
              "edges.csv: empty file (expected a header row: from,to,kind,amount in any order, "
              "then optional attribute columns)");
}

TEST(CsvReader, EntitiesDeclaredByUseInOrderOfAppearance) {
    const Network net = csv("from,to,kind,amount\nb,a,loan,2B\na,a,equity,$1.5K\n");
    ASSERT_EQ(net.entity_count(), 2U);
    EXPECT_EQ(net.id(0), "b");
    EXPECT_EQ(net.id(1), "a");
    ASSERT_EQ(net.contract_count(), 2U);
    EXPECT_EQ(net.contract(0).kind, ContractKind::loan);
    EXPECT_EQ(net.contract(0).amount, 2e9);
    EXPECT_EQ(net.contract(1).from, 1U);  // self-loop a -> a
    EXPECT_EQ(net.contract(1).to, 1U);
    EXPECT_EQ(net.contract(1).amount, 1500.0);
    EXPECT_EQ(net.name, "edges");
}

TEST(CsvReader, ColumnsInAnyOrderAndAttributesPassThrough) {
    const Network net = csv(
        "note,amount,lgd,to,kind,zeta,from,status\n"
        "\"vendor, financing\",100B,0.25,OpenAI,equity,z1,Nvidia,loi\n"
        ",5,,B,loan,,A,\n");
    ASSERT_EQ(net.contract_count(), 2U);
    const Contract& first = net.contract(0);
    EXPECT_EQ(net.id(first.from), "Nvidia");
    EXPECT_EQ(net.id(first.to), "OpenAI");
    EXPECT_EQ(first.status, ContractStatus::loi);
    EXPECT_EQ(first.lgd, 0.25);
    const Attributes expected{{"note", "vendor, financing"}, {"zeta", "z1"}};
    EXPECT_EQ(first.attributes, expected);
    // Empty cells are absent: no attributes, default status, no lgd.
    EXPECT_TRUE(net.contract(1).attributes.empty());
    EXPECT_EQ(net.contract(1).status, ContractStatus::signed_);
    EXPECT_FALSE(net.contract(1).lgd.has_value());
}

TEST(CsvReader, BomCrlfQuotedNewlinesAndNonAsciiIds) {
    const Network net = csv("\xEF\xBB\xBF" "from,to,kind,amount,note\r\n"
                            "软银,OpenAI,equity,40B,\"line one\r\nline two\"\r\n");
    EXPECT_EQ(net.id(0), "软银");
    ASSERT_EQ(net.contract(0).attributes.size(), 1U);
    EXPECT_EQ(net.contract(0).attributes[0].second, "line one\r\nline two");
}

TEST(CsvReader, MissingRequiredColumnsAreNamed) {
    EXPECT_EQ(error_of([] { return csv("from,kind,to\na,loan,b\n"); }),
              "edges.csv:1: header has no \"amount\" column (expected from,to,kind,amount in any "
              "order, then optional attribute columns)");
    EXPECT_EQ(error_of([] { return csv("source,target,kind,amount\n"); }),
              "edges.csv:1: header has no \"from\", \"to\" columns (expected from,to,kind,amount "
              "in any order, then optional attribute columns)");
}

TEST(CsvReader, DuplicateAndUnnamedHeaderColumns) {
    EXPECT_EQ(error_of([] { return csv("from,to,kind,amount,note,note\n"); }),
              "edges.csv:1: header column \"note\" appears twice");
    EXPECT_EQ(error_of([] { return csv("from,to,kind,amount,\n"); }),
              "edges.csv:1: header column 5 has no name (expected from,to,kind,amount in any "
              "order, then optional attribute columns)");
}

TEST(CsvReader, WrongFieldCountNamesTheLine) {
    EXPECT_EQ(error_of([] { return csv("from,to,kind,amount\na,b,loan,1B\na,b,loan,1,000\n"); }),
              "edges.csv:3: 5 fields, expected 4 (one per header column; quote fields that hold "
              "commas)");
}

TEST(CsvReader, EveryBadValueIsReportedWithItsLine) {
    const std::string text =
        "from,to,kind,amount,stake,lgd\n"
        "a,b,lone,1B,,\n"       // line 2: unknown kind
        "a,b,loan,-5,,\n"       // line 3: negative amount
        "a,b,loan,nan,,\n"      // line 4: NaN
        "a,b,loan,inf,,\n"      // line 5: infinite
        "a,b,loan,0,,\n"        // line 6: zero
        "a,b,equity,1B,1.5,\n"  // line 7: stake > 1
        "a,b,loan,1B,,-0.1\n"   // line 8: lgd < 0
        "a,b,,,,\n"             // line 9: kind and amount missing
        ",b,loan,1B,,\n";       // line 10: from missing
    EXPECT_EQ(error_of([&] { return csv(text); }),
              std::string("edges.csv:2: contract a->b: unknown kind \"lone\" (expected one of ") +
                  kKinds + ")\n"
                  "edges.csv:3: contract a->b: amount \"-5\" must be > 0\n"
                  "edges.csv:4: contract a->b: amount \"nan\" is not a number (expected e.g. "
                  "100B, $1.4T, 6.3e9)\n"
                  "edges.csv:5: contract a->b: amount \"inf\" is not a number (expected e.g. "
                  "100B, $1.4T, 6.3e9)\n"
                  "edges.csv:6: contract a->b: amount \"0\" must be > 0\n"
                  "edges.csv:7: contract a->b: stake \"1.5\" must be a number between 0 and 1\n"
                  "edges.csv:8: contract a->b: lgd \"-0.1\" must be a number between 0 and 1\n"
                  "edges.csv:9: contract a->b: missing kind (expected one of " +
                  kKinds +
                  ")\n"
                  "edges.csv:9: contract a->b: missing amount (expected e.g. 100B, $1.4T, "
                  "6.3e9)\n"
                  "edges.csv:10: missing from (expected an entity id)");
}

TEST(CsvReader, NodesFileDeclaresEntitiesAndTheirOrder) {
    const std::string nodes = "type,id,capital,note\nbank,B,1B,\"first, bank\"\nlab,A,,\n";
    const Network net = csv("from,to,kind,amount\nA,B,loan,1\n", &nodes);
    ASSERT_EQ(net.entity_count(), 2U);
    EXPECT_EQ(net.id(0), "B");
    EXPECT_EQ(net.entity(0).type, "bank");
    EXPECT_EQ(net.entity(0).capital, 1e9);
    const Attributes note{{"note", "first, bank"}};
    EXPECT_EQ(net.entity(0).attributes, note);
    EXPECT_FALSE(net.entity(1).capital.has_value());
    EXPECT_TRUE(net.entity(1).attributes.empty());
}

TEST(CsvReader, ContractNamingAnEntityMissingFromNodesIsAnError) {
    const std::string nodes = "id\nA\nB\n";
    EXPECT_EQ(error_of([&] { return csv("from,to,kind,amount\nA,B,loan,1\nA,Z,loan,1\n", &nodes); }),
              "edges.csv:3: contract A->Z: entity \"Z\" is not in nodes.csv (expected every "
              "contract's from and to there)");
}

TEST(CsvReader, NodesFileErrors) {
    const std::string duplicate = "id,type\nA,bank\nB,lab\nA,fund\n";
    EXPECT_EQ(error_of([&] { return csv("from,to,kind,amount\n", &duplicate); }),
              "nodes.csv:4: entity A: duplicate id (first on line 2)");
    const std::string no_id = "name,type\nA,bank\n";
    EXPECT_EQ(error_of([&] { return csv("from,to,kind,amount\n", &no_id); }),
              "nodes.csv:1: header has no \"id\" column (expected id, then optional attribute "
              "columns)");
    const std::string negative = "id,capital\nA,-1B\n";
    EXPECT_EQ(error_of([&] { return csv("from,to,kind,amount\n", &negative); }),
              "nodes.csv:2: entity A: capital \"-1B\" must be >= 0");
}

TEST(CsvReader, NegativeDerivedCapitalIsAnError) {
    // assets 1B - liabilities 3B = -2B: SPEC 6 "derived capital below 0" is an input error.
    const std::string nodes = "id,assets,liabilities\nA,1B,3B\n";
    EXPECT_EQ(error_of([&] { return csv("from,to,kind,amount\n", &nodes); }),
              "nodes.csv:2: entity A: derived capital = assets - liabilities = -$2B is negative "
              "(expected assets >= liabilities, or an explicit capital >= 0)");
}

TEST(CsvReader, MalformedQuotingIsReportedAndOtherRowsStillChecked) {
    EXPECT_EQ(error_of([] { return csv("from,to,kind,amount\n\"a\"b,c,loan,1\na,b,loan,x\n"); }),
              "edges.csv:2: unexpected character after a closing quote (expected , or the end of "
              "the line; write a quote inside a quoted field as \"\")\n"
              "edges.csv:3: contract a->b: amount \"x\" is not a number (expected e.g. 100B, "
              "$1.4T, 6.3e9)");
}

TEST(CsvReader, ManyIdsSharingLongPrefixesStayDistinct) {
    // The id table compares the first 8 bytes inline and the rest separately: ids that share
    // their first 8 bytes, or are prefixes of one another, must still map to their own entity.
    // Contract i goes from id(i) to id(i + 1); 3000 ids force the table to grow several times.
    auto id = [](int i) {
        return i % 3 == 0 ? "entity__" + std::to_string(i) : i % 3 == 1 ? "e" + std::to_string(i)
                                                                          : "entity__" + std::to_string(i) + "_x";
    };
    std::string text = "from,to,kind,amount\n";
    for (int i = 0; i < 3000; ++i) text += id(i) + "," + id(i + 1) + ",loan,1\n";
    const Network net = csv(text);
    ASSERT_EQ(net.entity_count(), 3001U);
    for (ContractIndex c = 0; c < 3000; ++c) {
        EXPECT_EQ(net.id(net.contract(c).from), id(static_cast<int>(c)));
        EXPECT_EQ(net.id(net.contract(c).to), id(static_cast<int>(c) + 1));
    }
}

TEST(CsvReader, ProblemsBeyondFiftyAreCounted) {
    std::string text = "from,to,kind,amount\n";
    for (int i = 0; i < 60; ++i) text += "a,b,loan,bad\n";
    const std::string message = error_of([&] { return csv(text); });
    EXPECT_NE(message.find("edges.csv:51: contract a->b"), std::string::npos);
    EXPECT_EQ(message.find("edges.csv:52:"), std::string::npos);
    EXPECT_NE(message.find("edges.csv: ... and 10 more problems"), std::string::npos);
}

}  // namespace
}  // namespace crashchain
