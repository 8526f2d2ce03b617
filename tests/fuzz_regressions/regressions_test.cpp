// Every seed and every crash input of tests/fuzz, replayed through the fuzz target that found
// it (tests/fuzz/fuzz_target.h), in the normal build: a fixed bug that comes back fails here,
// with the file's name, without libFuzzer.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "tests/fuzz/fuzz_target.h"

namespace edgeplan::fuzz {
namespace {

namespace fs = std::filesystem;

const fs::path fuzz_dir = fs::path(EDGEPLAN_SOURCE_DIR) / "tests" / "fuzz";

std::vector<fs::path> files_in(const fs::path& dir) {
    std::vector<fs::path> files;
    if (!fs::is_directory(dir)) return files;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.is_regular_file()) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::vector<std::uint8_t> bytes_of(const fs::path& path) {
    std::ifstream input(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(input), std::istreambuf_iterator<char>()};
}

// Runs each file of `kind`/<target>/ through the target; returns how many ran.
std::size_t replay(const std::string& kind, const std::string& target, Entry entry) {
    std::size_t count = 0;
    for (const auto& path : files_in(fuzz_dir / kind / target)) {
        SCOPED_TRACE(path.string());
        const auto bytes = bytes_of(path);
        try {
            entry(bytes.data(), bytes.size());
        } catch (const std::exception& error) {
            ADD_FAILURE() << kind << "/" << target << "/" << path.filename().string()
                          << " escaped with: " << error.what();
        }
        ++count;
    }
    return count;
}

class FuzzTarget : public testing::TestWithParam<std::string> {};

TEST_P(FuzzTarget, SeedsAndCrashInputsRunCleanly) {
    const auto& target = GetParam();
    const Entry entry = targets().at(target);
    EXPECT_GT(replay("corpus", target, entry), 0u)
        << "tests/fuzz/corpus/" << target << " has no seed";
    replay("regressions", target, entry);
}

std::vector<std::string> target_names() {
    std::vector<std::string> names;
    for (const auto& [name, entry] : targets()) names.push_back(name);
    return names;
}

std::string test_name(const testing::TestParamInfo<std::string>& param) { return param.param; }

INSTANTIATE_TEST_SUITE_P(All, FuzzTarget, testing::ValuesIn(target_names()), test_name);

// A directory named after no target would never be replayed.
TEST(FuzzLayout, EveryCorpusAndRegressionDirectoryNamesATarget) {
    for (const char* kind : {"corpus", "regressions"}) {
        if (!fs::is_directory(fuzz_dir / kind)) continue;
        for (const auto& entry : fs::directory_iterator(fuzz_dir / kind)) {
            const std::string name = entry.path().filename().string();
            EXPECT_EQ(targets().count(name), 1u) << kind << "/" << name << " names no target";
        }
    }
    EXPECT_GE(targets().size(), 6u);
}

}  // namespace
}  // namespace edgeplan::fuzz
