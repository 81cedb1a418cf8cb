#include <gtest/gtest.h>

#include "io_test_util.hpp"

namespace crashchain {
namespace {

using testing_io::error_of;
using testing_io::json;

TEST(JsonReader, NullNetworkIsEmpty) {
    EXPECT_EQ(error_of([] { return json(R"({"entities": [], "contracts": []})"); }),
              "net.json: the network is empty (expected at least one entity)");
}

TEST(JsonReader, ReadsEntitiesContractsAndPassThroughAttributes) {
    const Network net = json(R"({
  "name": "deals",
  "graph": {"rankdir": "LR"},
  "entities": [
    {"id": "Nvidia", "type": "chipmaker", "capital": 1.189e11, "zeta": "z", "tags": ["a", 1],
     "alpha": null, "listed": true, "founded": 1993},
    {"id": "OpenAI", "capital": "20B"}
  ],
  "contracts": [
    {"from": "Nvidia", "to": "OpenAI", "kind": "equity", "amount": "100B", "stake": 0.02,
     "note": "LOI", "meta": {"k": 1}},
    {"from": "Nvidia", "to": "OpenAI", "kind": "equity", "amount": 6300000000}
  ]
})");
    EXPECT_EQ(net.name, "deals");
    const Attributes graph{{"rankdir", "LR"}};
    EXPECT_EQ(net.graph_attributes, graph);
    const Entity& nvidia = net.entity(0);
    EXPECT_EQ(nvidia.type, "chipmaker");
    EXPECT_EQ(nvidia.capital, 1.189e11);
    // null is absent; arrays/objects keep their JSON text; booleans and integers their text.
    const Attributes expected{{"zeta", "z"}, {"tags", "[\"a\",1]"}, {"listed", "true"},
                              {"founded", "1993"}};
    EXPECT_EQ(nvidia.attributes, expected);
    EXPECT_EQ(net.entity(1).capital, 20e9);
    ASSERT_EQ(net.contract_count(), 2U);  // parallel contracts both kept
    EXPECT_EQ(net.contract(0).amount, 100e9);
    EXPECT_EQ(net.contract(0).stake, 0.02);
    const Attributes contract_attributes{{"note", "LOI"}, {"meta", "{\"k\":1}"}};
    EXPECT_EQ(net.contract(0).attributes, contract_attributes);
    EXPECT_EQ(net.contract(1).amount, 6.3e9);
}

TEST(JsonReader, SyntaxErrorGivesTheLine) {
    // The stray comma on line 3 is found when '}' is read on line 4.
    EXPECT_EQ(error_of([] { return json("{\n  \"entities\": [\n    {\"id\": \"a\"},\n  ]\n}"); }),
              "net.json:4: JSON syntax error while parsing value - unexpected ']'; expected '[', "
              "'{', or a literal");
    EXPECT_EQ(error_of([] { return json(""); }),
              "net.json:1: JSON syntax error while parsing value - unexpected end of input; "
              "expected '[', '{', or a literal");
}

TEST(JsonReader, ShapeErrors) {
    EXPECT_EQ(error_of([] { return json("[]"); }),
              "net.json: the document is not an object (expected {\"entities\": [{\"id\": ...}], "
              "\"contracts\": [{\"from\": .., \"to\": .., \"kind\": .., \"amount\": ..}]})");
    EXPECT_EQ(error_of([] { return json(R"({"entities": [{"id": "a"}], "contract": []})"); }),
              "net.json: unknown key \"contract\" (expected entities, contracts, and optionally "
              "name, graph)");
    EXPECT_EQ(error_of([] { return json(R"({"contracts": []})"); }),
              "net.json: no \"entities\" array (expected {\"entities\": [{\"id\": ...}], "
              "\"contracts\": [{\"from\": .., \"to\": .., \"kind\": .., \"amount\": ..}]})");
}

TEST(JsonReader, ElementErrorsNameThePathTheContractAndTheLine) {
    const std::string text = R"({"entities": [
  {"id": "a"},
  {"id": "b", "capital": -1},
  {"id": "a"},
  {"name": "c"}
],
"contracts": [
  {"from": "a", "to": "b", "kind": "loan", "amount": 1},
  {"from": "a", "to": "zz", "kind": "loan", "amount": 1},
  {"from": "a", "to": "b", "kind": "swap", "amount": "12X"},
  {"from": "a", "kind": "loan", "amount": 1},
  {"from": "b", "to": "a", "kind": "equity", "amount": 1, "stake": 2, "lgd": "x"}
]})";
    EXPECT_EQ(error_of([&] { return json(text); }),
              "net.json:3: entity b: capital \"-1\" must be >= 0\n"
              "net.json:4: entity a (entities[2]): duplicate id (first at entities[0])\n"
              "net.json:5: entities[3]: expected an object with a string \"id\"\n"
              "net.json:9: contract a->zz (contracts[1]): entity \"zz\" is not in \"entities\"\n"
              "net.json:10: contract a->b (contracts[2]): unknown kind \"swap\" (expected one of "
              "equity, loan, bond, credit, lease, purchase, guarantee, warrant)\n"
              "net.json:10: contract a->b (contracts[2]): amount \"12X\" is not a number "
              "(expected e.g. 100B, $1.4T, 6.3e9)\n"
              "net.json:11: contracts[3]: missing \"to\" (expected an entity id)\n"
              "net.json:12: contract b->a (contracts[4]): stake \"2\" must be a number between 0 "
              "and 1\n"
              "net.json:12: contract b->a (contracts[4]): lgd \"x\" must be a number between 0 "
              "and 1");
}

TEST(JsonReader, NegativeDerivedCapitalNamesTheEntityLine) {
    // b (line 3): assets 1M - liabilities 1.5M = -$500K.
    EXPECT_EQ(error_of([] {
                  return json("{\"entities\": [\n  {\"id\": \"a\"},\n  {\"id\": \"b\", \"assets\": \"1M\", "
                              "\"liabilities\": 1500000}\n]}");
              }),
              "net.json:3: entity b: derived capital = assets - liabilities = -$500K is negative "
              "(expected assets >= liabilities, or an explicit capital >= 0)");
}

TEST(JsonReader, InfiniteAmountsAreRejected) {
    // JSON has no NaN/inf literals: 1e999 overflows a double in the parser, and "inf" as an
    // amount string is refused by the amount grammar.
    EXPECT_EQ(error_of([] { return json(R"({"entities":[{"id":"a","capital":1e999}]})"); }),
              "net.json: JSON number overflow parsing '1e999' (expected finite numbers)");
    EXPECT_NE(error_of([] {
                  return json(R"({"entities":[{"id":"a"},{"id":"b"}],
                  "contracts":[{"from":"a","to":"b","kind":"loan","amount":"inf"}]})");
              }).find("amount \"inf\" is not a number"),
              std::string::npos);
}

TEST(JsonWriter, WritesTheReaderStructureWithNumbersForFigures) {
    const Network net = json(R"({"name":"g","entities":[{"id":"a","capital":"1B","note":"x"},{"id":"b"}],
        "contracts":[{"from":"a","to":"b","kind":"loan","amount":"2.5B","status":"talks"}]})");
    std::ostringstream out;
    write_json(out, net);
    EXPECT_EQ(out.str(),
              "{\n"
              "  \"name\": \"g\",\n"
              "  \"entities\": [\n"
              "    {\"id\":\"a\",\"capital\":1000000000.0,\"note\":\"x\"},\n"
              "    {\"id\":\"b\"}\n"
              "  ],\n"
              "  \"contracts\": [\n"
              "    {\"from\":\"a\",\"to\":\"b\",\"kind\":\"loan\",\"amount\":2500000000.0,"
              "\"status\":\"talks\"}\n"
              "  ]\n"
              "}\n");
}

TEST(JsonWriter, InvalidUtf8IsAnInputErrorNotACrash) {
    const Network net = testing_io::csv("from,to,kind,amount\n\xff,b,loan,1\n");
    std::ostringstream out;
    EXPECT_EQ(error_of([&] { write_json(out, net); }),
              "entity \xff: text is not valid UTF-8 (JSON output needs UTF-8)");
}

}  // namespace
}  // namespace crashchain
