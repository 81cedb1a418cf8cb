#include <gtest/gtest.h>

#include "io_test_util.hpp"

namespace crashchain {
namespace {

using testing_io::dot;
using testing_io::error_of;

TEST(DotReader, NullGraphIsEmpty) {
    EXPECT_EQ(error_of([] { return dot("digraph G { }"); }),
              "net.dot: the network is empty (expected at least one entity)");
    EXPECT_EQ(error_of([] { return dot(""); }),
              "net.dot: no graph found (expected digraph NAME { A -> B [kind=loan, "
              "amount=\"1B\"]; })");
}

TEST(DotReader, SingleEntityAndSelfLoop) {
    const Network one = dot("digraph { a }");
    EXPECT_EQ(one.entity_count(), 1U);
    EXPECT_EQ(one.contract_count(), 0U);
    EXPECT_EQ(one.name, "");  // anonymous graph
    const Network loop = dot("digraph L { a -> a [kind=loan, amount=1] }");
    ASSERT_EQ(loop.contract_count(), 1U);
    EXPECT_EQ(loop.contract(0).from, loop.contract(0).to);
}

TEST(DotReader, ParallelEdgesKeptInFileOrder) {
    // cgraph lists out-edges per tail node (z's edge would come first, as z is declared first);
    // the contracts must follow the file: a->b (1), z->a (2), a->b (3), a->z (4).
    const Network net = dot(R"(digraph G {
  b; z;
  a -> b [kind=loan, amount=1];
  z -> a [kind=loan, amount=2];
  a -> b [kind=equity, amount=3];
  a -> z [kind=loan, amount=4];
})");
    ASSERT_EQ(net.contract_count(), 4U);
    for (ContractIndex c = 0; c < 4; ++c) EXPECT_EQ(net.contract(c).amount, c + 1.0);
    EXPECT_EQ(net.contract(2).kind, ContractKind::equity);
    EXPECT_EQ(net.id(0), "b");
    EXPECT_EQ(net.id(1), "z");
    EXPECT_EQ(net.id(2), "a");
}

TEST(DotReader, AttributesInDeclarationOrderEmptyMeansAbsent) {
    // cgraph iterates attributes by name (alpha before note); the file declares note first.
    const Network net = dot(R"(digraph G {
  rankdir=LR;
  x [note="n", alpha=1, type=bank, capital="2B"];
  y;
  x -> y [kind=loan, amount="1.5B", zz=q, label="L"];
})");
    EXPECT_EQ(net.name, "G");
    const Attributes graph{{"rankdir", "LR"}};
    EXPECT_EQ(net.graph_attributes, graph);
    const Attributes x_attributes{{"note", "n"}, {"alpha", "1"}};
    EXPECT_EQ(net.entity(0).attributes, x_attributes);
    EXPECT_EQ(net.entity(0).type, "bank");
    EXPECT_EQ(net.entity(0).capital, 2e9);
    // y gets every declared attribute with value "": all absent.
    EXPECT_TRUE(net.entity(1).attributes.empty());
    EXPECT_EQ(net.entity(1).type, "");
    const Attributes edge{{"zz", "q"}, {"label", "L"}};
    EXPECT_EQ(net.contract(0).attributes, edge);
}

TEST(DotReader, SubgraphAndClusterNodesAreEntities) {
    const Network net = dot(R"(digraph G {
  subgraph cluster_labs { label="Labs"; OpenAI; Anthropic [type=lab]; }
  subgraph { Nvidia -> OpenAI [kind=equity, amount="100B"]; }
})");
    ASSERT_EQ(net.entity_count(), 3U);
    EXPECT_EQ(net.id(0), "OpenAI");
    EXPECT_EQ(net.entity(1).type, "lab");
    EXPECT_EQ(net.contract_count(), 1U);
    EXPECT_TRUE(net.graph_attributes.empty());  // the cluster's label is not the graph's
}

TEST(DotReader, QuotedNonAsciiAndHtmlValues) {
    const Network net = dot(R"(digraph G {
  "软银" -> "Stargate SPV" [kind=equity, amount="$19B", note="say \"hi\""];
  软银 [label=<<b>SoftBank</b>>];
})");
    EXPECT_EQ(net.id(0), "软银");
    EXPECT_EQ(net.id(1), "Stargate SPV");
    EXPECT_EQ(net.entity(0).label, "<<b>SoftBank</b>>");
    EXPECT_EQ(net.contract(0).attributes[0].second, "say \"hi\"");
}

TEST(DotReader, UndirectedAndStrictGraphsAreRejected) {
    EXPECT_EQ(error_of([] { return dot("\ngraph G { a -- b [kind=loan, amount=1] }"); }),
              "net.dot:2: undirected graph (expected a digraph: each contract A -> B has a "
              "direction, the way the money moves)");
    EXPECT_EQ(error_of([] { return dot("strict digraph G { a -> b [kind=loan, amount=1] }"); }),
              "net.dot:1: strict digraph merges parallel contracts; use digraph");
}

TEST(DotReader, SyntaxErrorsGiveTheLineAndPrintNothing) {
    ::testing::internal::CaptureStderr();
    const std::string message = error_of([] { return dot("digraph G {\n a -> b\n c -> ; }"); });
    EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
    EXPECT_EQ(message, "net.dot:3: DOT syntax error near ';'");
    // The parser state does not leak into the next read.
    EXPECT_EQ(dot("digraph H { a -> b [kind=loan, amount=1] }").name, "H");
}

TEST(DotReader, UnclosedStringAndAmbiguousNumbers) {
    EXPECT_EQ(error_of([] { return dot("digraph G {\n a [note=\"open] }"); }),
              "net.dot:2: DOT syntax error scanning a quoted string (missing endquote? longer "
              "than 16384?) String starting:\"open] }");
    // cgraph would silently read `2b` as two nodes 2 and b; that is an error here.
    EXPECT_EQ(error_of([] { return dot("digraph G { a -> 2b [kind=loan, amount=1] }"); }),
              "net.dot:1: DOT syntax ambiguity - badly delimited number '2b' splits into two "
              "tokens (quote ids and values that start with a digit, e.g. \"2x\", \"1e9\")");
}

TEST(DotReader, OnlyOneGraphPerFile) {
    EXPECT_EQ(error_of([] { return dot("digraph G { a }\ndigraph H { b }"); }),
              "net.dot:2: a second graph in the same file (expected exactly one digraph)");
    // A leftover second graph must not be handed to the next read either.
    EXPECT_EQ(dot("digraph K { k }").name, "K");
}

TEST(DotReader, AttributeErrorsCarryTheLineOfTheNodeOrEdge) {
    const std::string text = R"(digraph G {
  a [capital="-5"];
  a -> b [kind=lone, amount="12X"];
  b -> a [kind=loan, amount=1];
  a -> b [kind=loan, amount=5, stake=2];
  "c d" -> b [kind=loan];
})";
    EXPECT_EQ(error_of([&] { return dot(text); }),
              "net.dot:2: entity a: capital \"-5\" must be >= 0\n"
              "net.dot:3: contract a->b: unknown kind \"lone\" (expected one of equity, loan, "
              "bond, credit, lease, purchase, guarantee, warrant)\n"
              "net.dot:3: contract a->b: amount \"12X\" is not a number (expected e.g. 100B, "
              "$1.4T, 6.3e9)\n"
              "net.dot:5: contract a->b: stake \"2\" must be a number between 0 and 1\n"
              "net.dot:6: contract c d->b: missing amount (expected e.g. 100B, $1.4T, 6.3e9)");
}

TEST(DotReader, NegativeDerivedCapital) {
    // The line is that of the node's first use (line 3), found by scanning the text.
    EXPECT_EQ(error_of([] { return dot("digraph {\n  b;\n  a [assets=1, liabilities=3];\n  a -> b [kind=loan, amount=1]\n}"); }),
              "net.dot:3: entity a: derived capital = assets - liabilities = -$2 is negative "
              "(expected assets >= liabilities, or an explicit capital >= 0)");
}

}  // namespace
}  // namespace crashchain
