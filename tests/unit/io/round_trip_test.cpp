// SPEC 1.1: "a network written in one format and read back in another is identical".
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "io_test_util.hpp"
#include "synth/generator.hpp"

namespace crashchain {
namespace {

using testing_io::error_of;
using testing_io::expect_same_network;

std::string to_dot(const Network& net) {
    std::ostringstream out;
    write_dot(out, net);
    return out.str();
}

Network via_dot(const Network& net) { return read_dot(to_dot(net), "round.dot"); }

Network via_json(const Network& net) {
    std::stringstream text;
    write_json(text, net);
    return read_json(text, "round.json");
}

Network via_csv(const Network& net) {
    std::stringstream edges;
    std::stringstream nodes;
    write_csv(edges, nodes, net);
    return read_csv(edges, &nodes, "round.csv", "round.nodes.csv");
}

/// DOT -> JSON -> CSV -> DOT, comparing after every step.
void expect_round_trip(const Network& original) {
    const Network json = via_json(original);
    expect_same_network(original, json);
    EXPECT_EQ(json.name, original.name);
    EXPECT_EQ(json.graph_attributes, original.graph_attributes);
    const Network csv = via_csv(json);
    expect_same_network(original, csv);
    const Network back = via_dot(csv);
    expect_same_network(original, back);
    const Network dot = via_dot(original);
    EXPECT_EQ(dot.name, original.name);
    EXPECT_EQ(dot.graph_attributes, original.graph_attributes);
}

TEST(RoundTrip, AwkwardIdsAndValues) {
    // Ids that need quoting in DOT (keywords, spaces, quotes, arrows, non-ASCII, numerals,
    // leading digits, HTML-like) and in CSV (commas, quotes, newlines, edge blanks).
    const Network net = testing_io::json(R"({
  "name": "awkward graph",
  "graph": {"rankdir": "LR", "label": "a \"quoted\" label"},
  "entities": [
    {"id": "软银", "type": "investor", "capital": "118.9B", "label": "SoftBank, Group"},
    {"id": "node"}, {"id": "a -> b"}, {"id": "say \"hi\""}, {"id": " padded "},
    {"id": "2x"}, {"id": "-1.5"}, {"id": "<b>html</b>"}, {"id": "line\nbreak"},
    {"id": "back\\slash", "note": "ends in two \\\\", "zeta": "1e9"}
  ],
  "contracts": [
    {"from": "软银", "to": "node", "kind": "equity", "amount": 0.1, "stake": 0.11, "lgd": 0.3,
     "term": 7, "status": "reported", "source": "https://example.com/a?b=c,d", "note": "x\ny"},
    {"from": "软银", "to": "node", "kind": "equity", "amount": 1.4e12},
    {"from": "a -> b", "to": "say \"hi\"", "kind": "warrant", "amount": 123456789.123456789},
    {"from": " padded ", "to": "2x", "kind": "lease", "amount": "6.3e9", "date": "2025-09-22"},
    {"from": "-1.5", "to": "<b>html</b>", "kind": "guarantee", "amount": 5e-324},
    {"from": "line\nbreak", "to": "back\\slash", "kind": "bond", "amount": 1.7976931348623157e308},
    {"from": "back\\slash", "to": "back\\slash", "kind": "credit", "amount": 1}
  ]
})");
    expect_round_trip(net);
}

TEST(RoundTrip, GeneratedNetwork) {
    GeneratorOptions options;
    options.entities = 300;
    options.contracts = 3000;
    options.seed = 7;
    options.self_loops = true;
    expect_round_trip(generate_network(options));
}

TEST(RoundTrip, ExampleAndTestFiles) {
    // Every valid DOT file shipped with the project (graphs/, graphs/examples/, tests/data/ok_*).
    std::vector<std::filesystem::path> files;
    for (const char* folder : {CRASHCHAIN_GRAPHS_DIR, CRASHCHAIN_GRAPHS_DIR "/examples",
                               CRASHCHAIN_TESTDATA_DIR}) {
        if (!std::filesystem::is_directory(folder)) continue;
        for (const auto& entry : std::filesystem::directory_iterator(folder)) {
            const auto& path = entry.path();
            const bool test_file = path.parent_path() == CRASHCHAIN_TESTDATA_DIR;
            if (path.extension() == ".dot" &&
                (!test_file || path.filename().string().rfind("ok_", 0) == 0)) {
                files.push_back(path);
            }
        }
    }
    ASSERT_GE(files.size(), 2U);
    for (const auto& path : files) {
        SCOPED_TRACE(path.string());
        expect_round_trip(load_network(NetworkSource{path.string(), {}, {}}));
    }
}

TEST(RoundTrip, ExampleDotAndJsonTwinsAreTheSameNetwork) {
    const std::filesystem::path folder = CRASHCHAIN_GRAPHS_DIR "/examples";
    if (!std::filesystem::is_directory(folder)) GTEST_SKIP() << "no graphs/examples";
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        auto twin = entry.path();
        if (twin.extension() != ".dot" || !std::filesystem::exists(twin.replace_extension(".json"))) {
            continue;
        }
        SCOPED_TRACE(entry.path().string());
        expect_same_network(load_network(NetworkSource{entry.path().string(), {}, {}}),
                            load_network(NetworkSource{twin.string(), {}, {}}));
    }
}

TEST(DotWriter, UnwritableBackslashRunsAreReported) {
    // Inside DOT quotes \" is a quote and \\ stays two backslashes, so one backslash at the end
    // of a value has no spelling.
    const Network net = testing_io::json(
        R"({"entities":[{"id":"a","note":"ends in \\"}]})");
    std::ostringstream out;
    EXPECT_EQ(error_of([&] { write_dot(out, net); }),
              "entity a: text \"ends in \\\" cannot be written in DOT (an odd number of "
              "backslashes before a quote, line break or end)");
}

TEST(DotWriter, ExactAmountsReadablyWhenPossible) {
    const Network net = testing_io::csv(
        "from,to,kind,amount,lgd\nA B,node,loan,118.9B,0.45\nA B,node,loan,123456789.5,\n");
    EXPECT_EQ(to_dot(net),
              "digraph edges {\n"
              "  \"A B\";\n"
              "  \"node\";\n"
              "  \"A B\" -> \"node\" [kind=loan, amount=\"118.9B\", lgd=0.45];\n"
              "  \"A B\" -> \"node\" [kind=loan, amount=123456789.5];\n"
              "}\n");
}

TEST(CsvWriter, QuotesFieldsPerRfc4180AndWritesTheNodesFile) {
    const Network net = testing_io::json(R"({"entities":[
        {"id":"a,b","type":"bank","note":"say \"hi\""},{"id":" c"}],
        "contracts":[{"from":"a,b","to":" c","kind":"loan","amount":"2B","memo":"x\ny"},
                     {"from":" c","to":"a,b","kind":"lease","amount":3,"status":"loi"}]})");
    std::ostringstream edges;
    std::ostringstream nodes;
    write_csv(edges, nodes, net);
    EXPECT_EQ(edges.str(),
              "from,to,kind,amount,status,memo\n"
              "\"a,b\",\" c\",loan,2B,,\"x\ny\"\n"
              "\" c\",\"a,b\",lease,3,loi,\n");
    EXPECT_EQ(nodes.str(),
              "id,type,note\n"
              "\"a,b\",bank,\"say \"\"hi\"\"\"\n"
              "\" c\",,\n");
}

TEST(Writers, ReservedAttributeNamesCannotBeWritten) {
    // DOT allows an `id` attribute on a node; in JSON/CSV it would replace the entity id.
    const Network net = testing_io::dot("digraph { a [id=x]; a -> b [kind=loan, amount=1, from=q] }");
    std::ostringstream out;
    const std::string expected =
        "entity a: attribute \"id\" cannot be written to JSON, where it names the entity (rename "
        "the attribute)\n"
        "contract a->b: attribute \"from\" cannot be written to JSON, where it names the source "
        "entity (rename the attribute)";
    EXPECT_EQ(error_of([&] { write_json(out, net); }), expected);
    std::ostringstream edges;
    std::ostringstream nodes;
    EXPECT_NE(error_of([&] { write_csv(edges, nodes, net); }).find("cannot be written to CSV"),
              std::string::npos);
}

}  // namespace
}  // namespace crashchain
