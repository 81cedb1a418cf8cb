#include <gtest/gtest.h>

#include "report/stress_report.hpp"
#include "scenario/rank.hpp"

namespace crashchain {
namespace {

// The header counts the runs in words: one entity is "1 run", two are "2 runs".
TEST(RankReport, HeaderCountsRunsInWords) {
    Network net;
    for (const char* id : {"A", "B"}) {
        Entity e;
        e.id = id;
        e.capital = 1;
        net.add_entity(e);
    }
    RankResult result;
    result.model = Model::furfine;
    result.entity_count = 1;
    result.entries.push_back(RankEntry{});
    result.entries[0].entity = 0;
    EXPECT_NE(render_rank(net, result, "net", Format::text).find("(1 run)"), std::string::npos);
    result.entity_count = 2;
    result.entries.push_back(RankEntry{});
    result.entries[1].entity = 1;
    EXPECT_NE(render_rank(net, result, "net", Format::text).find("(2 runs)"), std::string::npos);
}

}  // namespace
}  // namespace crashchain
