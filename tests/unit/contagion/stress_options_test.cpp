#include <gtest/gtest.h>

#include "contagion/stress.hpp"
#include "core/error.hpp"
#include "unit/contagion/builder.hpp"

namespace crashchain {
namespace {

using test::Builder;

Network small() {
    Builder b;
    b.capital("OpenAI", 1).capital("Oracle", 1).capital("Nvidia", 1);
    return b.network();
}

std::string message(const std::function<void()>& f) {
    try {
        f();
    } catch (const InputError& e) {
        return e.what();
    }
    return "(no error)";
}

TEST(StressOptions, ModelNamesRoundTrip) {
    for (Model m : {Model::furfine, Model::debtrank, Model::linear_debtrank, Model::clearing}) {
        EXPECT_EQ(parse_model(to_string(m)), m);
    }
    EXPECT_EQ(to_string(Model::linear_debtrank), "linear-debtrank");
    EXPECT_FALSE(parse_model("DebtRank").has_value());
    EXPECT_EQ(to_string(EntityStatus::defaulted), "default");
    EXPECT_EQ(to_string(EntityStatus::distressed), "distressed");
    EXPECT_EQ(to_string(EntityStatus::solvent), "solvent");
    EXPECT_EQ(parse_external("senior"), ExternalSeniority::senior);
    EXPECT_EQ(to_string(ExternalSeniority::pari_passu), "pari-passu");
    EXPECT_FALSE(parse_external("junior").has_value());
}

TEST(StressOptions, DefaultsAndShocks) {
    const Network net = small();
    const auto s = make_shocks(net, {"Oracle"}, {"OpenAI=0.25"});
    EXPECT_EQ(s, (std::vector<double>{0.25, 1.0, 0.0}));
    EXPECT_EQ(make_shocks(net, {}, {}), (std::vector<double>{0, 0, 0}));
    const auto sparse = sparse_shock(s);
    ASSERT_EQ(sparse.size(), 2u);
    EXPECT_EQ(sparse[1].entity, 1u);
    EXPECT_EQ(sparse[1].fraction, 1.0);
}

TEST(StressOptions, BadShocksAreInputErrors) {
    const Network net = small();
    EXPECT_EQ(message([&] { (void)make_shocks(net, {"OpenAl"}, {}); }),
              "--default: unknown entity \"OpenAl\" (did you mean \"OpenAI\"?)");
    EXPECT_EQ(message([&] { (void)make_shocks(net, {}, {"Oracle=0"}); }),
              "--shock \"Oracle=0\": the fraction must be a number in (0,1]");
    EXPECT_EQ(message([&] { (void)make_shocks(net, {}, {"Oracle=1.5"}); }),
              "--shock \"Oracle=1.5\": the fraction must be a number in (0,1]");
    EXPECT_EQ(message([&] { (void)make_shocks(net, {}, {"Oracle"}); }),
              "--shock \"Oracle\": expected ID=F with F in (0,1], e.g. OpenAI=0.5");
    EXPECT_EQ(message([&] { (void)make_shocks(net, {"Oracle"}, {"Oracle=0.5"}); }),
              "--shock Oracle=0.5: Oracle is already shocked by --default Oracle (give each "
              "entity once)");
    EXPECT_EQ(message([&] { (void)make_shocks(net, {}, {"Nvidea=0.5"}); }),
              "--shock: unknown entity \"Nvidea\" (did you mean \"Nvidia\"?)");
}

TEST(StressOptions, LgdOverrides) {
    const auto o = parse_lgd_overrides({"purchase=0.5", "loan=0"});
    EXPECT_EQ(o[static_cast<std::size_t>(ContractKind::purchase)], 0.5);
    EXPECT_EQ(o[static_cast<std::size_t>(ContractKind::loan)], 0.0);
    EXPECT_FALSE(o[static_cast<std::size_t>(ContractKind::bond)].has_value());
    EXPECT_EQ(message([] { (void)parse_lgd_overrides({"lona=0.5"}); }),
              "--lgd \"lona=0.5\": unknown kind \"lona\" (expected one of equity, loan, bond, "
              "credit, lease, purchase, guarantee, warrant)");
    EXPECT_EQ(message([] { (void)parse_lgd_overrides({"loan=1.2"}); }),
              "--lgd \"loan=1.2\": lgd must be a number in [0,1]");
    EXPECT_EQ(message([] { (void)parse_lgd_overrides({"loan"}); }),
              "--lgd \"loan\": expected kind=value, e.g. purchase=0.5");
    EXPECT_EQ(message([] { (void)parse_lgd_overrides({"loan=0.1", "loan=0.2"}); }),
              "--lgd \"loan=0.2\": loan is given twice");
}

}  // namespace
}  // namespace crashchain
