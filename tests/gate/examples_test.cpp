// docs/examples/ stays true: generate.sh regenerates every example into a temporary directory
// and each file must equal the committed one once wall-clock "started" values are normalised.
#include <gtest/gtest.h>

#include <regex>

#include "tests/gate/support.h"
#include "tests/support/required.h"

namespace edgeplan::gate_testing {
namespace {

// Every ISO timestamp other than the examples' --now (2026-06-01) is wall-clock time.
std::string normalise(const std::string& text) {
    static const std::regex stamp(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)");
    std::string out;
    auto begin = std::sregex_iterator(text.begin(), text.end(), stamp);
    std::size_t last = 0;
    for (auto it = begin; it != std::sregex_iterator(); ++it) {
        out += text.substr(last, it->position() - last);
        out += it->str() == "2026-06-01T00:00:00Z" ? it->str() : "<wall-clock>";
        last = it->position() + it->length();
    }
    return out + text.substr(last);
}

TEST(Examples, NormaliseHidesOnlyWallClockTimes) {
    EXPECT_EQ(normalise("started: 2031-01-02T03:04:05Z now: 2026-06-01T00:00:00Z"),
              "started: <wall-clock> now: 2026-06-01T00:00:00Z");
}

TEST(Examples, RegeneratedExamplesEqualTheCommittedOnes) {
    if (!have("bash --version") || !have("realpath --version"))
        EDGEPLAN_REQUIRED_MISSING() << "no bash";
    TempDir dir;
    const fs::path committed = source("docs/examples");
    ASSERT_EQ(run("bash " + quote(committed / "generate.sh") + " '" + EDGEPLAN_BINARY + "' " +
                  quote(dir.path())),
              0);
    int compared = 0;
    for (const auto& entry : fs::directory_iterator(dir.path())) {
        const std::string name = entry.path().filename().string();
        SCOPED_TRACE(name);
        ASSERT_TRUE(fs::exists(committed / name))
            << "new example: run docs/examples/generate.sh build/app/edgeplan";
        EXPECT_EQ(normalise(read_text(entry.path())), normalise(read_text(committed / name)))
            << "stale example: run docs/examples/generate.sh build/app/edgeplan";
        ++compared;
    }
    EXPECT_GE(compared, 8);
}

}  // namespace
}  // namespace edgeplan::gate_testing
