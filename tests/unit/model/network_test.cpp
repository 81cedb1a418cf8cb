#include "model/network.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "model/attribute_rules.hpp"
#include "model/selection.hpp"

namespace crashchain {
namespace {

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

TEST(ContractKind, TableMatchesSpec) {
    EXPECT_EQ(kind_info(ContractKind::equity).exposed, ExposedSide::source);
    EXPECT_DOUBLE_EQ(kind_info(ContractKind::loan).default_lgd, 0.6);
    EXPECT_EQ(kind_info(ContractKind::bond).obligor, Obligor::target);
    EXPECT_EQ(kind_info(ContractKind::lease).exposed, ExposedSide::target);
    EXPECT_DOUBLE_EQ(kind_info(ContractKind::lease).default_lgd, 0.5);
    EXPECT_EQ(kind_info(ContractKind::purchase).obligor, Obligor::source);
    EXPECT_DOUBLE_EQ(kind_info(ContractKind::purchase).default_lgd, 0.3);
    EXPECT_EQ(kind_info(ContractKind::guarantee).obligor, Obligor::none);
    EXPECT_EQ(kind_info(ContractKind::warrant).exposed, ExposedSide::target);
    EXPECT_EQ(parse_contract_kind("credit"), ContractKind::credit);
    EXPECT_FALSE(parse_contract_kind("Loan").has_value());
    EXPECT_EQ(parse_contract_status("signed"), ContractStatus::signed_);
    EXPECT_EQ(to_string(ContractStatus::loi), "loi");
}

TEST(Network, IdsAreUniqueAndParallelEdgesKept) {
    Network net;
    Entity a;
    a.id = "A";
    EXPECT_EQ(net.add_entity(a), 0u);
    EXPECT_FALSE(net.add_entity(a).has_value());
    const auto b = net.find_or_add("B");
    EXPECT_EQ(b, 1u);
    EXPECT_EQ(net.find_or_add("A"), 0u);
    net.add_contract(make_contract(0, 1, ContractKind::loan, 10));
    net.add_contract(make_contract(0, 1, ContractKind::equity, 5));
    EXPECT_EQ(boost::num_edges(net.graph()), 2u);
    EXPECT_EQ(boost::out_degree(0, net.graph()), 2u);
    EXPECT_EQ(boost::in_degree(1, net.graph()), 2u);
    EXPECT_EQ(net.find("C"), std::nullopt);
}

TEST(Network, RequireEntitySuggests) {
    Network net;
    net.find_or_add("OpenAI");
    net.find_or_add("Oracle");
    try {
        (void)require_entity(net, "OpenAl", "--default");
        FAIL();
    } catch (const InputError& e) {
        EXPECT_STREQ(e.what(), "--default: unknown entity \"OpenAl\" (did you mean \"OpenAI\"?)");
    }
}

TEST(Selection, FiltersContractsKeepsEntities) {
    Network net;
    net.find_or_add("A");
    net.find_or_add("B");
    net.add_contract(make_contract(0, 1, ContractKind::loan, 10));
    net.add_contract(make_contract(0, 1, ContractKind::equity, 5, ContractStatus::loi));
    net.add_contract(make_contract(1, 0, ContractKind::purchase, 20));
    Selection by_kind;
    by_kind.kinds = {ContractKind::loan, ContractKind::purchase};
    EXPECT_EQ(select(net, by_kind).contract_count(), 2u);
    Selection by_status;
    by_status.statuses = {ContractStatus::loi};
    EXPECT_EQ(select(net, by_status).contract_count(), 1u);
    Selection by_amount;
    by_amount.min_amount = 10;  // keeps amount >= 10
    const Network kept = select(net, by_amount);
    EXPECT_EQ(kept.contract_count(), 2u);
    EXPECT_EQ(kept.entity_count(), 2u);
}

TEST(AttributeRules, ChecksValuesAndNamesTheProblem) {
    Diagnostics diagnostics;
    Contract c;
    ContractFieldsSeen seen;
    const SourceLocation where{"deals.csv", 17};
    const std::string subject = contract_subject("nvidia", "openai");
    apply_contract_attribute(c, seen, "amount", "12X", subject, where, diagnostics);
    apply_contract_attribute(c, seen, "kind", "swap", subject, where, diagnostics);
    apply_contract_attribute(c, seen, "lgd", "1.5", subject, where, diagnostics);
    apply_contract_attribute(c, seen, "source", "Reuters", subject, where, diagnostics);
    ASSERT_EQ(diagnostics.count(), 3u);
    try {
        diagnostics.throw_if_any();
        FAIL();
    } catch (const InputError& e) {
        ASSERT_EQ(e.diagnostics().size(), 3u);
        EXPECT_EQ(e.diagnostics()[0].format(),
                  "deals.csv:17: contract nvidia->openai: amount \"12X\" is not a number "
                  "(expected e.g. 100B, $1.4T, 6.3e9)");
        EXPECT_EQ(e.diagnostics()[1].format(),
                  "deals.csv:17: contract nvidia->openai: unknown kind \"swap\" (expected one of "
                  "equity, loan, bond, credit, lease, purchase, guarantee, warrant)");
        EXPECT_EQ(e.diagnostics()[2].format(),
                  "deals.csv:17: contract nvidia->openai: lgd \"1.5\" must be a number between 0 "
                  "and 1");
    }
    EXPECT_EQ(find_attribute(c.attributes, "source"), "Reuters");
}

TEST(AttributeRules, AmountMustBePositiveCapitalNonNegative) {
    Diagnostics diagnostics;
    Contract c;
    ContractFieldsSeen seen;
    apply_contract_attribute(c, seen, "amount", "0", "contract A->B", {"f.dot", 3}, diagnostics);
    Entity e;
    e.id = "A";
    apply_entity_attribute(e, "capital", "-1B", {"f.dot", 2}, diagnostics);
    apply_entity_attribute(e, "assets", "10B", {"f.dot", 2}, diagnostics);
    ASSERT_EQ(diagnostics.count(), 2u);
    EXPECT_EQ(e.assets, 10e9);
    EXPECT_FALSE(e.capital.has_value());
    check_contract_required(ContractFieldsSeen{}, "contract A->B", {"f.dot", 3}, diagnostics);
    EXPECT_EQ(diagnostics.count(), 4u);
}

TEST(Entity, DerivedCapital) {
    Entity e;
    EXPECT_FALSE(e.effective_capital());
    e.assets = 10;
    e.liabilities = 4;
    EXPECT_EQ(e.effective_capital(), 6.0);
    e.capital = 1;
    EXPECT_EQ(e.effective_capital(), 1.0);
}

}  // namespace
}  // namespace crashchain
