// Export files written straight from a renderer into their temporary, then renamed.
#include "report/atomic_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <stdexcept>
#include <string>

#include "tests/report_exports/export_fixture.h"

namespace edgeplan::testing {
namespace {

std::size_t entries_in(const std::string& dir) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++n;
    return n;
}

TEST(AtomicFile, WriterOutputReplacesTheFileWhole) {
    ScratchDir dir;
    const std::string path = dir.path() + "/firewall.nft";
    write_text(path, "old content that is longer than the new one\n");
    report::write_file_atomically(path, [](std::ostream& out) {
        for (int i = 0; i < 20000; ++i) out << "rule " << i << "\n";  // past the 64 KiB buffer
    });
    const std::string text = read_text(path);
    EXPECT_EQ(text.substr(0, 7), "rule 0\n");
    EXPECT_EQ(text.substr(text.size() - 11), "rule 19999\n");
    EXPECT_EQ(entries_in(dir.path()), 1u);  // no temporary left beside it
}

TEST(AtomicFile, WriterThatThrowsLeavesTheOldFileAndNoTemporary) {
    ScratchDir dir;
    const std::string path = dir.path() + "/zone.zone";
    write_text(path, "kept\n");
    EXPECT_THROW(report::write_file_atomically(path,
                                               [](std::ostream& out) {
                                                   out << std::string(100000, 'x');
                                                   throw std::runtime_error("renderer failed");
                                               }),
                 std::runtime_error);
    EXPECT_EQ(read_text(path), "kept\n");
    EXPECT_EQ(entries_in(dir.path()), 1u);
}

TEST(AtomicFile, StringAndWriterGiveTheSameFile) {
    ScratchDir dir;
    const std::string content = "a\r\nb\n" + std::string(70000, 'c');
    report::write_file_atomically(dir.path() + "/one", content);
    report::write_file_atomically(dir.path() + "/two", [&](std::ostream& out) { out << content; });
    EXPECT_EQ(read_text(dir.path() + "/one"), read_text(dir.path() + "/two"));
}

}  // namespace
}  // namespace edgeplan::testing
