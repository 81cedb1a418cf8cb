// Outputs are atomic (SPEC 1.7): a failed write leaves neither a half-written file nor a
// temporary file, and an existing file is replaced only by a complete one. Tests run as root,
// so unwritable paths are a missing folder and an existing folder, not chmod.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

#include "core/error.hpp"
#include "io/atomic_file.hpp"
#include "io/load.hpp"

namespace crashchain {
namespace {

namespace fs = std::filesystem;

class AtomicOutput : public ::testing::Test {
protected:
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        dir_ = fs::temp_directory_path() / (std::string("crashchain_atomic_") + info->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    [[nodiscard]] std::string path(const std::string& name) const { return (dir_ / name).string(); }

    /// Names in the folder (temporary files start with a dot, so they show up here).
    [[nodiscard]] std::set<std::string> listing() const {
        std::set<std::string> names;
        for (const auto& entry : fs::directory_iterator(dir_)) {
            names.insert(entry.path().filename().string());
        }
        return names;
    }

    [[nodiscard]] static std::string contents(const std::string& file) {
        std::ifstream in(file, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        return text.str();
    }

    template <typename Action>
    static std::string error_of(Action action) {
        try {
            action();
        } catch (const InputError& error) {
            return error.what();
        }
        return "no error";
    }

    fs::path dir_;
};

Network two_entities() {
    Network network;
    Entity a;
    a.id = "a";
    Entity b;
    b.id = "b";
    network.add_entity(a);
    network.add_entity(b);
    Contract c;
    c.from = 0;
    c.to = 1;
    c.amount = 1e9;
    network.add_contract(c);
    return network;
}

TEST_F(AtomicOutput, CompleteFileAndNoTemporaryOnSuccess) {
    write_file_atomically(path("out.txt"), "hello\n");
    EXPECT_EQ(contents(path("out.txt")), "hello\n");
    EXPECT_EQ(listing(), (std::set<std::string>{"out.txt"}));
}

TEST_F(AtomicOutput, MissingFolderIsAnInputError) {
    const std::string target = path("missing/out.json");
    EXPECT_EQ(error_of([&] { write_file_atomically(target, "x"); }),
              target + ": cannot write output: No such file or directory");
    EXPECT_TRUE(listing().empty());
}

TEST_F(AtomicOutput, ExistingFolderAsTargetIsAnInputErrorAndLeavesNoTemporary) {
    fs::create_directory(path("taken.json"));
    EXPECT_EQ(error_of([&] { write_file_atomically(path("taken.json"), "x"); }),
              path("taken.json") + ": cannot write output: Is a directory");
    EXPECT_EQ(listing(), (std::set<std::string>{"taken.json"}));
    EXPECT_TRUE(fs::is_empty(path("taken.json")));
}

TEST_F(AtomicOutput, ThrowingWriterRemovesTheTemporaryAndKeepsTheOldFile) {
    write_file_atomically(path("out.txt"), "old\n");
    EXPECT_THROW(write_atomically(path("out.txt"),
                                  [](std::ostream& out) {
                                      out << "half of the new content";
                                      throw std::runtime_error("writer failed half way");
                                  }),
                 std::runtime_error);
    EXPECT_EQ(contents(path("out.txt")), "old\n");
    EXPECT_EQ(listing(), (std::set<std::string>{"out.txt"}));
}

TEST_F(AtomicOutput, StreamFailureDuringWritingIsAnInputError) {
    // What a full disk looks like to the writer: the stream goes bad.
    EXPECT_EQ(error_of([&] {
                  write_atomically(path("out.txt"), [](std::ostream& out) {
                      out << "partial";
                      out.setstate(std::ios::badbit);
                  });
              }),
              path("out.txt") + ": cannot write output: write failed");
    EXPECT_TRUE(listing().empty());
}

TEST_F(AtomicOutput, NetworkSaveIntoAMissingFolderOrOntoAFolder) {
    const Network network = two_entities();
    for (const char* name : {"no/such/dir/out.dot", "no/out.json", "no/out.csv"}) {
        EXPECT_EQ(error_of([&] { save_network(network, path(name)); }),
                  path(name) + ": cannot write output: No such file or directory")
            << name;
    }
    fs::create_directory(path("net.dot"));
    EXPECT_EQ(error_of([&] { save_network(network, path("net.dot")); }),
              path("net.dot") + ": cannot write output: Is a directory");
    EXPECT_EQ(listing(), (std::set<std::string>{"net.dot"}));
}

TEST_F(AtomicOutput, CsvPairIsWrittenWhollyOrNotAtAll) {
    const Network network = two_entities();
    // OUT.csv is a folder: OUT.nodes.csv must not be left behind on its own.
    fs::create_directory(path("out.csv"));
    EXPECT_EQ(error_of([&] { save_network(network, path("out.csv")); }),
              path("out.csv") + ": cannot write output: Is a directory");
    EXPECT_EQ(listing(), (std::set<std::string>{"out.csv"}));
    // OUT.nodes.csv is a folder: OUT.csv must not be written either.
    fs::create_directory(path("two.nodes.csv"));
    EXPECT_EQ(error_of([&] { save_network(network, path("two.csv")); }),
              path("two.nodes.csv") + ": cannot write output: Is a directory");
    EXPECT_EQ(listing(), (std::set<std::string>{"out.csv", "two.nodes.csv"}));
}

TEST_F(AtomicOutput, CsvPairReplacesOldFilesTogether) {
    write_file_atomically(path("net.csv"), "old edges\n");
    write_file_atomically(path("net.nodes.csv"), "old nodes\n");
    save_network(two_entities(), path("net.csv"));
    EXPECT_EQ(contents(path("net.csv")), "from,to,kind,amount\na,b,loan,1B\n");
    EXPECT_EQ(contents(path("net.nodes.csv")), "id\na\nb\n");
    EXPECT_EQ(listing(), (std::set<std::string>{"net.csv", "net.nodes.csv"}));
}

}  // namespace
}  // namespace crashchain
