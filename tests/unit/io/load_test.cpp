#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "io_test_util.hpp"

namespace crashchain {
namespace {

namespace fs = std::filesystem;
using testing_io::error_of;

class LoadTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() /
               ("crashchain_load_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    std::string write(const std::string& name, const std::string& text) {
        const fs::path path = dir_ / name;
        std::ofstream(path, std::ios::binary) << text;
        return path.string();
    }
    std::string path(const std::string& name) const { return (dir_ / name).string(); }

    fs::path dir_;
};

constexpr const char* kDot = "digraph G { a -> b [kind=loan, amount=\"1B\"] }";

TEST_F(LoadTest, ChoosesTheFormatByExtension) {
    EXPECT_EQ(load_network({write("n.dot", kDot), {}, {}}).contract_count(), 1U);
    EXPECT_EQ(load_network({write("n.GV", kDot), {}, {}}).contract_count(), 1U);
    const std::string json = R"({"entities":[{"id":"a"}],"contracts":[]})";
    EXPECT_EQ(load_network({write("n.json", json), {}, {}}).entity_count(), 1U);
    const std::string edges = write("e.csv", "from,to,kind,amount\na,b,loan,1\n");
    const std::string nodes = write("n.csv", "id\na\nb\nc\n");
    EXPECT_EQ(load_network({{}, edges, {}}).entity_count(), 2U);
    EXPECT_EQ(load_network({{}, edges, nodes}).entity_count(), 3U);
}

TEST_F(LoadTest, BuiltInNetwork) {
    const Network net = load_network({});
    EXPECT_GT(net.entity_count(), 0U);
    EXPECT_GT(net.contract_count(), 0U);
}

TEST_F(LoadTest, MissingUnreadableAndUnknownFiles) {
    const std::string missing = path("missing.dot");
    EXPECT_EQ(error_of([&] { return load_network({missing, {}, {}}); }),
              missing + ": cannot read: No such file or directory");
    const std::string txt = write("n.txt", kDot);
    EXPECT_EQ(error_of([&] { return load_network({txt, {}, {}}); }),
              txt + ": unknown file type \".txt\" (expected a .dot, .gv or .json file, or --edges "
                    "E.csv [--nodes N.csv])");
    const std::string csv = write("n.csv", "from,to,kind,amount\n");
    EXPECT_EQ(error_of([&] { return load_network({csv, {}, {}}); }),
              csv + ": CSV goes through --edges " + csv +
                  " [--nodes N.csv] (a FILE argument must be .dot, .gv or .json)");
    EXPECT_EQ(error_of([&] { return load_network({dir_.string(), {}, {}}); }),
              dir_.string() + ": is a directory (expected a .dot, .gv or .json file, or --edges "
                              "E.csv [--nodes N.csv])");
    const std::string edges = write("e.csv", "from,to,kind,amount\na,b,loan,1\n");
    EXPECT_EQ(error_of([&] { return load_network({{}, edges, path("nodes.csv")}); }),
              path("nodes.csv") + ": cannot read: No such file or directory");
}

TEST_F(LoadTest, SaveByExtensionAndCsvPair) {
    const Network net = testing_io::dot(kDot);
    save_network(net, path("out.csv"));
    EXPECT_TRUE(fs::exists(path("out.nodes.csv")));
    testing_io::expect_same_network(net, load_network({{}, path("out.csv"), path("out.nodes.csv")}));
    save_network(net, path("out.json"));
    testing_io::expect_same_network(net, load_network({path("out.json"), {}, {}}));
    save_network(net, path("out.gv"));
    testing_io::expect_same_network(net, load_network({path("out.gv"), {}, {}}));
    EXPECT_EQ(error_of([&] { save_network(net, path("out.xml")); }),
              path("out.xml") + ": unknown output type \".xml\" (expected .dot, .gv, .json, or "
                                ".csv for OUT.csv + OUT.nodes.csv)");
    EXPECT_FALSE(fs::exists(path("out.xml")));
}

TEST_F(LoadTest, FailedCsvSaveLeavesNoFiles) {
    const Network net = testing_io::dot("digraph { a [id=x] }");
    EXPECT_NE(error_of([&] { save_network(net, path("bad.csv")); }), "no error");
    EXPECT_TRUE(fs::is_empty(dir_));  // neither file nor temporary file left behind
}

}  // namespace
}  // namespace crashchain
