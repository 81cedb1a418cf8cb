// diagram_dot: the DOT text is parsed back with cgraph and its attributes checked against the
// visual vocabulary of docs/diagrams.md (values copied from that table, not from the output).
#include "report/diagram.hpp"

#include <graphviz/cgraph.h>
#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>

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

Agnode_t* node(Agraph_t* graph, const std::string& name) {
    return agnode(graph, const_cast<char*>(name.c_str()), 0);
}

/// The edges tail -> head, in input order.
std::vector<Agedge_t*> edges(Agraph_t* graph, const std::string& tail, const std::string& head) {
    std::vector<Agedge_t*> found;
    Agnode_t* t = node(graph, tail);
    Agnode_t* h = node(graph, head);
    if (t == nullptr || h == nullptr) return found;
    for (Agedge_t* e = agfstout(graph, t); e != nullptr; e = agnxtout(graph, e)) {
        if (aghead(e) == h) found.push_back(e);
    }
    return found;
}

Entity make_entity(std::string id, std::string type, std::optional<Dollars> capital = {}) {
    Entity e;
    e.id = std::move(id);
    e.type = std::move(type);
    e.capital = capital;
    return e;
}

Contract make_contract(EntityIndex from, EntityIndex to, ContractKind kind, Dollars amount,
                       ContractStatus status = ContractStatus::signed_) {
    Contract c;
    c.from = from;
    c.to = to;
    c.kind = kind;
    c.amount = amount;
    c.status = status;
    return c;
}

/// The three-deal loop of the article: Nvidia -> OpenAI -> Oracle -> Nvidia.
Network loop_network() {
    Network net;
    net.name = "loop";
    net.add_entity(make_entity("Nvidia", "chipmaker", 118.9e9));
    net.add_entity(make_entity("OpenAI", "lab", 20e9));
    net.add_entity(make_entity("Oracle", "cloud"));
    net.add_contract(make_contract(0, 1, ContractKind::equity, 100e9, ContractStatus::loi));
    net.add_contract(make_contract(1, 2, ContractKind::purchase, 300e9));
    net.add_contract(make_contract(2, 0, ContractKind::purchase, 40e9, ContractStatus::estimate));
    return net;
}

TEST(DiagramDot, NullNetworkParsesWithTitle) {
    Network net;
    auto graph = parse(diagram_dot(net));
    ASSERT_NE(graph, nullptr);
    EXPECT_TRUE(agisdirected(graph.get()));
    EXPECT_EQ(std::string(agnameof(graph.get())), "network");
    // Only the legend could add nodes, and an empty network has nothing to explain.
    EXPECT_EQ(agnnodes(graph.get()), 0);
    EXPECT_NE(attr(graph.get(), "label").find("0 entities, 0 contracts, $0 in total"),
              std::string::npos);
}

TEST(DiagramDot, GraphSettingsForReadableLayout) {
    auto graph = parse(diagram_dot(loop_network()));
    ASSERT_NE(graph, nullptr);
    EXPECT_EQ(attr(graph.get(), "rankdir"), "LR");
    EXPECT_EQ(attr(graph.get(), "concentrate"), "false");  // parallel contracts stay visible
    EXPECT_EQ(attr(graph.get(), "overlap"), "false");
    EXPECT_EQ(attr(graph.get(), "splines"), "true");
    const std::string title = attr(graph.get(), "label");
    EXPECT_NE(title.find("<B>loop</B>"), std::string::npos);
    // 100B + 300B + 40B = 440B.
    EXPECT_NE(title.find("3 entities, 3 contracts, $440B in total"), std::string::npos);

    DiagramOptions options;
    options.rankdir = RankDir::top_bottom;
    options.title = "AI compute, late 2025";
    auto tb = parse(diagram_dot(loop_network(), {}, options));
    EXPECT_EQ(attr(tb.get(), "rankdir"), "TB");
    EXPECT_NE(attr(tb.get(), "label").find("<B>AI compute, late 2025</B>"), std::string::npos);
}

TEST(DiagramDot, LayoutEffortCappedAbove200Contracts) {
    Network net;
    net.add_entity(make_entity("A", "fund"));
    net.add_entity(make_entity("B", "spv"));
    for (int i = 0; i < 200; ++i) net.add_contract(make_contract(0, 1, ContractKind::loan, 1e9));
    auto graph = parse(diagram_dot(net));
    EXPECT_EQ(attr(graph.get(), "nslimit"), "");
    net.add_contract(make_contract(0, 1, ContractKind::loan, 1e9));
    graph = parse(diagram_dot(net));
    EXPECT_EQ(attr(graph.get(), "nslimit"), "10");
    EXPECT_EQ(attr(graph.get(), "mclimit"), "0.5");
}

TEST(DiagramDot, NodesStyledByEntityType) {
    auto graph = parse(diagram_dot(loop_network()));
    ASSERT_NE(graph, nullptr);
    Agnode_t* nvidia = node(graph.get(), "Nvidia");
    Agnode_t* openai = node(graph.get(), "OpenAI");
    Agnode_t* oracle = node(graph.get(), "Oracle");
    ASSERT_TRUE(nvidia && openai && oracle);
    // docs/diagrams.md: chipmaker = box3d green, lab = ellipse pink, cloud = rounded box blue.
    EXPECT_EQ(attr(nvidia, "shape"), "box3d");
    EXPECT_EQ(attr(nvidia, "fillcolor"), "#c9ebdd");
    EXPECT_EQ(attr(nvidia, "color"), "#009e73");
    EXPECT_EQ(attr(openai, "shape"), "ellipse");
    EXPECT_EQ(attr(openai, "fillcolor"), "#f6d8e8");
    EXPECT_EQ(attr(oracle, "shape"), "box");
    EXPECT_EQ(attr(oracle, "style"), "rounded,filled");
    // Name in bold, capital on the second line ($118.9B prints as $119B); Oracle has none.
    EXPECT_EQ(attr(nvidia, "label"),
              "<B>Nvidia</B><BR/><FONT POINT-SIZE=\"10\">capital $119B</FONT>");
    EXPECT_EQ(attr(oracle, "label"), "<B>Oracle</B>");
    EXPECT_NE(attr(openai, "tooltip").find("OpenAI (lab)"), std::string::npos);
}

TEST(DiagramDot, LongNamesShortenedOrIdsShown) {
    Network net;
    Entity e = make_entity("CrusoeAbilene", "spv", 5e9);
    e.label = "Crusoe/Blue Owl/Primary Digital Abilene JV (1.2 GW, leased to Oracle)";
    net.add_entity(e);
    auto graph = parse(diagram_dot(net));
    Agnode_t* n = node(graph.get(), "CrusoeAbilene");
    // "Crusoe/Blue Owl/Primary" is 23 characters: over 22, so the break comes after "Blue".
    EXPECT_EQ(attr(n, "label"),
              "<B>Crusoe/Blue<BR/>Owl/Primary Digital<BR/>Abilene JV</B><BR/>"
              "<FONT POINT-SIZE=\"10\">capital $5B</FONT>");
    EXPECT_EQ(attr(n, "tooltip"),
              "CrusoeAbilene (spv)\\nCrusoe/Blue Owl/Primary Digital Abilene JV (1.2 GW, leased to "
              "Oracle)\\ncapital $5B");
    DiagramOptions options;
    options.names = NodeNames::id;
    graph = parse(diagram_dot(net, {}, options));
    EXPECT_EQ(attr(node(graph.get(), "CrusoeAbilene"), "label"),
              "<B>CrusoeAbilene</B><BR/><FONT POINT-SIZE=\"10\">capital $5B</FONT>");
}

TEST(DiagramDot, KeyFigureFallsBackToAssetsMinusLiabilities) {
    Network net;
    Entity bank = make_entity("Bank", "bank");
    bank.assets = 50e9;
    bank.liabilities = 45e9;
    bank.valuation = 9e9;
    net.add_entity(bank);
    auto graph = parse(diagram_dot(net));
    EXPECT_EQ(attr(node(graph.get(), "Bank"), "label"),
              "<B>Bank</B><BR/><FONT POINT-SIZE=\"10\">capital $5B</FONT>");
    DiagramOptions options;
    options.figure = KeyFigure::valuation;
    graph = parse(diagram_dot(net, {}, options));
    EXPECT_EQ(attr(node(graph.get(), "Bank"), "label"),
              "<B>Bank</B><BR/><FONT POINT-SIZE=\"10\">valuation $9B</FONT>");
}

TEST(DiagramDot, EdgesStyledByKindStatusAndAmount) {
    auto graph = parse(diagram_dot(loop_network()));
    ASSERT_NE(graph, nullptr);
    auto equity = edges(graph.get(), "Nvidia", "OpenAI");
    auto purchase = edges(graph.get(), "OpenAI", "Oracle");
    auto estimate = edges(graph.get(), "Oracle", "Nvidia");
    ASSERT_EQ(equity.size(), 1u);
    ASSERT_EQ(purchase.size(), 1u);
    ASSERT_EQ(estimate.size(), 1u);
    // equity: blue solid; an LOI is non-binding: translucent, hollow arrow, `(loi)`.
    EXPECT_EQ(attr(equity[0], "label"), "equity $100B (loi)");
    EXPECT_EQ(attr(equity[0], "color"), "#0072b299");
    EXPECT_EQ(attr(equity[0], "fontcolor"), "#0072b2");
    EXPECT_EQ(attr(equity[0], "style"), "solid");
    EXPECT_EQ(attr(equity[0], "arrowhead"), "onormal");
    EXPECT_EQ(attr(purchase[0], "label"), "purchase $300B");
    EXPECT_EQ(attr(purchase[0], "color"), "#009e73");
    EXPECT_EQ(attr(purchase[0], "arrowhead"), "");
    EXPECT_EQ(attr(estimate[0], "label"), "purchase ~$40B");
    // Width 1 + 4 t, t = (ln a - ln 40B) / (ln 300B - ln 40B):
    // 40B -> 1; 300B -> 5; 100B -> t = ln 2.5 / ln 7.5 = 0.9163 / 2.0149 = 0.4548 -> 2.82.
    EXPECT_EQ(attr(estimate[0], "penwidth"), "1.00");
    EXPECT_EQ(attr(purchase[0], "penwidth"), "5.00");
    EXPECT_EQ(attr(equity[0], "penwidth"), "2.82");
}

TEST(DiagramDot, EveryKindHasItsLineStyle) {
    Network net;
    net.add_entity(make_entity("A", "fund"));
    net.add_entity(make_entity("B", "spv"));
    for (ContractKind kind : kAllContractKinds) net.add_contract(make_contract(0, 1, kind, 1e9));
    auto graph = parse(diagram_dot(net));
    const auto parallel = edges(graph.get(), "A", "B");
    ASSERT_EQ(parallel.size(), kContractKindCount);  // parallel contracts stay separate edges
    // docs/diagrams.md table, in kind order; equal amounts give the middle width 2.
    const std::pair<const char*, const char*> expected[] = {
        {"#0072b2", "solid"}, {"#b2182b", "dashed"}, {"#67001f", "dashed"},
        {"#d6604d", "dashed"}, {"#c77c00", "solid"}, {"#009e73", "solid"},
        {"#555555", "dotted"}, {"#aa3377", "solid"}};
    for (std::size_t k = 0; k < kContractKindCount; ++k) {
        EXPECT_EQ(attr(parallel[k], "color"), expected[k].first) << k;
        EXPECT_EQ(attr(parallel[k], "style"), expected[k].second) << k;
        EXPECT_EQ(attr(parallel[k], "label"),
                  std::string(to_string(kAllContractKinds[k])) + " $1B");
        EXPECT_EQ(attr(parallel[k], "penwidth"), "2.00");
    }
}

TEST(DiagramDot, SelfLoopAndReportedStatus) {
    Network net;
    net.add_entity(make_entity("SoftBank", "investor"));
    net.add_contract(make_contract(0, 0, ContractKind::loan, 8.5e9, ContractStatus::reported));
    auto graph = parse(diagram_dot(net));
    const auto loop = edges(graph.get(), "SoftBank", "SoftBank");
    ASSERT_EQ(loop.size(), 1u);
    EXPECT_EQ(attr(loop[0], "label"), "loan $8.5B (reported)");
    DiagramOptions options;
    options.edge_labels = false;
    graph = parse(diagram_dot(net, {}, options));
    EXPECT_EQ(attr(edges(graph.get(), "SoftBank", "SoftBank")[0], "label"), "");
}

TEST(DiagramDot, AwkwardIdsRoundTripThroughCgraph) {
    const std::vector<std::string> ids = {
        "软银", "Open AI", "say \"hi\"", "node", "Graph", "x\\y", "2x", "a-b", "\\\\", "tab\there"};
    Network net;
    for (const auto& id : ids) net.add_entity(make_entity(id, "other"));
    net.add_contract(make_contract(0, 1, ContractKind::equity, 1e9));
    net.name = "软银 \\ net";
    auto graph = parse(diagram_dot(net));
    ASSERT_NE(graph, nullptr);
    EXPECT_EQ(std::string(agnameof(graph.get())), "软银 \\ net");
    for (const auto& id : ids) EXPECT_NE(node(graph.get(), id), nullptr) << id;
    EXPECT_EQ(edges(graph.get(), "软银", "Open AI").size(), 1u);
    EXPECT_EQ(attr(node(graph.get(), "say \"hi\""), "label"), "<B>say &quot;hi&quot;</B>");
}

TEST(DiagramDot, UnspellableIdGetsStandInNameAndKeepsItsLabel) {
    Network net;
    net.add_entity(make_entity("a\\", "lab"));  // a backslash at the end cannot be written
    net.add_entity(make_entity("entity #0", "lab"));  // the first stand-in is taken
    net.add_contract(make_contract(0, 1, ContractKind::loan, 1e9));
    auto graph = parse(diagram_dot(net));
    ASSERT_NE(graph, nullptr);
    Agnode_t* stand_in = node(graph.get(), "entity #0'");
    ASSERT_NE(stand_in, nullptr);
    EXPECT_EQ(attr(stand_in, "label"), "<B>a\\</B>");
    EXPECT_EQ(edges(graph.get(), "entity #0'", "entity #0").size(), 1u);
}

TEST(DiagramDot, LabelsAreEscaped) {
    Network net;
    Entity e = make_entity("X", "bank");
    e.label = "AT&T <Capital>";
    net.add_entity(e);
    Contract c = make_contract(0, 0, ContractKind::credit, 2e9);
    c.attributes.emplace_back("note", "a \"quoted\" \\ note");
    net.add_contract(c);
    net.name = "a \"quoted\" name";
    auto graph = parse(diagram_dot(net));
    ASSERT_NE(graph, nullptr);
    EXPECT_EQ(std::string(agnameof(graph.get())), "a \"quoted\" name");
    EXPECT_EQ(attr(node(graph.get(), "X"), "label"), "<B>AT&amp;T &lt;Capital&gt;</B>");
    // escString: the backslash is doubled so Graphviz shows one.
    EXPECT_EQ(attr(edges(graph.get(), "X", "X")[0], "tooltip"),
              "X -> X: credit $2B, signed\\nnote: a \"quoted\" \\\\ note");
}

}  // namespace
}  // namespace crashchain
