// DiagramOverlay rendering: emphasis, fading, rounds, groups, legend entries, misuse.
#include <graphviz/cgraph.h>
#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>

#include "report/diagram.hpp"
#include "report/diagram_quote.hpp"

namespace crashchain {
namespace {

struct GraphCloser {
    void operator()(Agraph_t* graph) const { agclose(graph); }
};
using GraphPtr = std::unique_ptr<Agraph_t, GraphCloser>;

GraphPtr parse(const std::string& dot) {
    GraphPtr graph(agmemread(dot.c_str()));
    EXPECT_NE(graph, nullptr) << dot;
    return graph;
}

std::string attr(void* object, const char* name) {
    const char* value = agget(object, const_cast<char*>(name));
    return value != nullptr ? value : "";
}

Agnode_t* node(Agraph_t* graph, const char* name) {
    return agnode(graph, const_cast<char*>(name), 0);
}

Agedge_t* edge(Agraph_t* graph, const char* tail, const char* head) {
    return agedge(graph, node(graph, tail), node(graph, head), nullptr, 0);
}

/// A -> B -> C -> A (a cycle) plus C -> D, all loans of $1B; D is a bank, the rest labs.
Network chain() {
    Network net;
    for (const char* id : {"A", "B", "C", "D"}) {
        Entity e;
        e.id = id;
        e.type = std::string(id) == "D" ? "bank" : "lab";
        net.add_entity(e);
    }
    const std::pair<EntityIndex, EntityIndex> links[] = {{0, 1}, {1, 2}, {2, 0}, {2, 3}};
    for (auto [from, to] : links) {
        Contract c;
        c.from = from;
        c.to = to;
        c.kind = ContractKind::loan;
        c.amount = 1e9;
        net.add_contract(c);
    }
    return net;
}

TEST(DiagramOverlay, HighlightedCycleOnFadedBackground) {
    DiagramOverlay overlay;
    overlay.fade_unmarked = true;
    overlay.subtitle = "circular deals";
    for (ContractIndex c : {0u, 1u, 2u}) overlay.contracts[c] = {};
    overlay.contracts[2].label = "closes the loop";
    auto graph = parse(diagram_dot(chain(), overlay));
    ASSERT_NE(graph, nullptr);
    // Emphasis: red, 1.5 points thicker than the plain width (2 when all amounts are equal).
    Agedge_t* ab = edge(graph.get(), "A", "B");
    EXPECT_EQ(attr(ab, "color"), "#d7191c");
    EXPECT_EQ(attr(ab, "penwidth"), "3.50");
    EXPECT_EQ(attr(ab, "style"), "dashed");  // still drawn as a loan
    EXPECT_EQ(attr(ab, "label"), "loan $1B");
    EXPECT_EQ(attr(edge(graph.get(), "C", "A"), "label"), "closes the loop");
    // Not emphasised: faded grey, no thicker than 2.
    Agedge_t* cd = edge(graph.get(), "C", "D");
    EXPECT_EQ(attr(cd, "color"), "#d4d4d4");
    EXPECT_EQ(attr(cd, "fontcolor"), "#a0a0a0");
    EXPECT_EQ(attr(cd, "penwidth"), "2.00");
    // Entities on the cycle keep their type colours; D alone is faded.
    EXPECT_EQ(attr(node(graph.get(), "A"), "fillcolor"), "#f6d8e8");
    EXPECT_EQ(attr(node(graph.get(), "D"), "fillcolor"), "#f4f4f4");
    EXPECT_EQ(attr(node(graph.get(), "D"), "fontcolor"), "#a0a0a0");
    EXPECT_EQ(attr(node(graph.get(), "D"), "shape"), "house");  // type still shown by shape
    EXPECT_NE(attr(graph.get(), "label").find("circular deals"), std::string::npos);
}

TEST(DiagramOverlay, EntitiesColouredByDefaultRound) {
    DiagramOverlay overlay;
    overlay.entities[0].round = 0;
    overlay.entities[1].round = 1;
    overlay.entities[2].round = 2;
    overlay.entities[2].note = "lost $1B";
    overlay.unmarked_caption = "survivor";
    overlay.fade_unmarked = true;
    const std::string dot = diagram_dot(chain(), overlay);
    auto graph = parse(dot);
    ASSERT_NE(graph, nullptr);
    // ColorBrewer OrRd, darkest first (docs/diagrams.md); white text on the two darkest.
    EXPECT_EQ(attr(node(graph.get(), "A"), "fillcolor"), "#990000");
    EXPECT_EQ(attr(node(graph.get(), "A"), "fontcolor"), "#ffffff");
    EXPECT_EQ(attr(node(graph.get(), "B"), "fillcolor"), "#d7301f");
    EXPECT_EQ(attr(node(graph.get(), "C"), "fillcolor"), "#ef6548");
    EXPECT_EQ(attr(node(graph.get(), "A"), "penwidth"), "2.60");
    EXPECT_EQ(attr(node(graph.get(), "C"), "label"),
              "<B>C</B><BR/><FONT POINT-SIZE=\"10\"><I>lost $1B</I></FONT>");
    EXPECT_EQ(attr(node(graph.get(), "D"), "fillcolor"), "#f4f4f4");
    // Legend: one entry per round present, then the unmarked caption, in that order.
    const auto shocked = dot.find(">shocked<");
    const auto round1 = dot.find(">round 1<");
    const auto round2 = dot.find(">round 2<");
    const auto survivor = dot.find(">survivor<");
    ASSERT_NE(shocked, std::string::npos);
    EXPECT_LT(shocked, round1);
    EXPECT_LT(round1, round2);
    EXPECT_LT(round2, survivor);
    EXPECT_EQ(dot.find(">round 3<"), std::string::npos);
    EXPECT_EQ(dot.find(">highlighted<"), std::string::npos);  // no contract marked
}

TEST(DiagramOverlay, ExplicitFillAndRoundsBeyondThePalette) {
    DiagramOverlay overlay;
    overlay.entities[0].fill = "#123456";
    overlay.entities[0].bold = false;
    overlay.entities[1].round = 9;  // past the palette: its lightest colour
    overlay.legend.push_back({"distressed", "#123456", false});
    overlay.legend.push_back({"contagion path", "#7b3294", true});
    overlay.contracts[0] = {"#7b3294", ""};
    const std::string dot = diagram_dot(chain(), overlay);
    auto graph = parse(dot);
    EXPECT_EQ(attr(node(graph.get(), "A"), "fillcolor"), "#123456");
    EXPECT_EQ(attr(node(graph.get(), "A"), "fontcolor"), "#ffffff");
    EXPECT_EQ(attr(node(graph.get(), "A"), "penwidth"), "1.20");
    EXPECT_EQ(attr(node(graph.get(), "B"), "fillcolor"), "#fdd49e");
    EXPECT_EQ(attr(edge(graph.get(), "A", "B"), "color"), "#7b3294");
    EXPECT_NE(dot.find(">distressed<"), std::string::npos);
    EXPECT_NE(dot.find(">contagion path<"), std::string::npos);
    EXPECT_NE(dot.find(">round 9<"), std::string::npos);
    // An explicit line entry replaces the automatic "highlighted" one.
    EXPECT_EQ(dot.find(">highlighted<"), std::string::npos);
    // Without fading, nothing is grey.
    EXPECT_EQ(attr(node(graph.get(), "D"), "fillcolor"), "#f9d5c0");
}

TEST(DiagramOverlay, GroupsBecomeClusters) {
    DiagramOverlay overlay;
    overlay.groups.push_back({"cycle: A, B, C", {0, 1, 2}, ""});
    auto graph = parse(diagram_dot(chain(), overlay));
    ASSERT_NE(graph, nullptr);
    Agraph_t* cluster = agsubg(graph.get(), const_cast<char*>("cluster_group_0"), 0);
    ASSERT_NE(cluster, nullptr);
    EXPECT_EQ(attr(cluster, "label"), "cycle: A, B, C");
    EXPECT_EQ(agnnodes(cluster), 3);
    for (const char* id : {"A", "B", "C"}) EXPECT_NE(node(cluster, id), nullptr) << id;
    EXPECT_EQ(node(cluster, "D"), nullptr);
}

TEST(DiagramOverlay, MisuseIsAnInternalError) {
    DiagramOverlay overlapping;
    overlapping.groups.push_back({"one", {0, 1}, ""});
    overlapping.groups.push_back({"two", {1, 2}, ""});
    try {
        (void)diagram_dot(chain(), overlapping);
        FAIL() << "expected std::invalid_argument";
    } catch (const std::invalid_argument& error) {
        EXPECT_STREQ(error.what(), "diagram groups overlap at entity B (groups must be disjoint)");
    }
    DiagramOverlay bad_entity;
    bad_entity.entities[4] = {};
    EXPECT_THROW((void)diagram_dot(chain(), bad_entity), std::invalid_argument);
    DiagramOverlay bad_contract;
    bad_contract.contracts[4] = {};
    EXPECT_THROW((void)diagram_dot(chain(), bad_contract), std::invalid_argument);
}

TEST(DiagramOverlay, LegendNamesNeverClashWithEntities) {
    Network net = chain();
    Entity sneaky;
    sneaky.id = "legend:type:lab";
    sneaky.type = "fund";
    net.add_entity(sneaky);
    auto graph = parse(diagram_dot(net));
    ASSERT_NE(graph, nullptr);
    // The entity keeps its own style; the legend moved to another prefix.
    EXPECT_EQ(attr(node(graph.get(), "legend:type:lab"), "shape"), "cylinder");
    EXPECT_EQ(attr(node(graph.get(), "_legend:type:lab"), "shape"), "ellipse");
}

TEST(DotText, NodeNames) {
    EXPECT_EQ(dot_text::node_name("OpenAI"), "OpenAI");
    EXPECT_EQ(dot_text::node_name("xAI_SPV2"), "xAI_SPV2");
    EXPECT_EQ(dot_text::node_name("2x"), "\"2x\"");
    EXPECT_EQ(dot_text::node_name("edge"), "\"edge\"");
    EXPECT_EQ(dot_text::node_name("SubGraph"), "\"SubGraph\"");
    EXPECT_EQ(dot_text::node_name(""), "\"\"");
    EXPECT_EQ(dot_text::node_name("软银"), "\"软银\"");
    EXPECT_EQ(dot_text::node_name("a\"b"), "\"a\\\"b\"");
    EXPECT_EQ(dot_text::node_name("a\\\\\"b"), "\"a\\\\\\\"b\"");  // even run before a quote
    EXPECT_EQ(dot_text::node_name("a\\b"), "\"a\\b\"");
    EXPECT_EQ(dot_text::node_name("a\\"), std::nullopt);       // odd run at the end
    EXPECT_EQ(dot_text::node_name("a\\\"b"), std::nullopt);    // odd run before a quote
    EXPECT_EQ(dot_text::node_name("a\\\nb"), std::nullopt);    // a line continuation
    EXPECT_EQ(dot_text::node_name(std::string("a\0b", 3)), std::nullopt);
}

TEST(DotText, EscapedText) {
    EXPECT_EQ(dot_text::quoted("a\\b \"c\"\nd\te\x01"), "\"a\\\\b \\\"c\\\"\\nd e\"");
    EXPECT_EQ(dot_text::html("<b>&\"x\"\nz"), "&lt;b&gt;&amp;&quot;x&quot;<BR/>z");
    EXPECT_EQ(dot_text::valid_utf8("ok 软银"), "ok 软银");
    // A lone continuation byte, a truncated sequence, an overlong '/' and a surrogate.
    EXPECT_EQ(dot_text::valid_utf8("a\x80z"), "a\xEF\xBF\xBDz");
    EXPECT_EQ(dot_text::valid_utf8("\xE8\xBD"), "\xEF\xBF\xBD\xEF\xBF\xBD");
    EXPECT_EQ(dot_text::valid_utf8("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");
    EXPECT_EQ(dot_text::valid_utf8("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(DotText, BoxNames) {
    EXPECT_EQ(dot_text::box_name("Stargate LLC (OpenAI/SoftBank/Oracle/MGX JV)", 22), "Stargate LLC");
    EXPECT_EQ(dot_text::box_name("Advanced Micro Devices Inc.", 22), "Advanced Micro Devices\nInc.");
    EXPECT_EQ(dot_text::box_name("Beignet Investor LLC + Hyperion JVCo (Meta 20%)", 22),
              "Beignet Investor LLC +\nHyperion JVCo");
    EXPECT_EQ(dot_text::box_name("X (a (b) c) Y", 22), "X Y");
    EXPECT_EQ(dot_text::box_name("(only a qualifier)", 22), "(only a qualifier)");
    EXPECT_EQ(dot_text::box_name("Supercalifragilisticexpialidocious Ltd", 22),
              "Supercalifragilisticexpialidocious\nLtd");
    // Characters, not bytes: 12 CJK characters fit a width of 12.
    EXPECT_EQ(dot_text::box_name("软银集团软银集团软银集团 日本", 12), "软银集团软银集团软银集团\n日本");
    EXPECT_EQ(dot_text::box_name("  OpenAI  ", 22), "OpenAI");
}

}  // namespace
}  // namespace crashchain
