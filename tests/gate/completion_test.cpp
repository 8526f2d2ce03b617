// The bash completion the build generates (docs/install/help_to_completion.py), exercised by
// bash itself: a script sources it, sets COMP_WORDS and COMP_CWORD as bash does, calls
// _edgeplan and prints COMPREPLY. The --only/--skip list must be the registry's.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "tests/gate/support.h"

namespace edgeplan::gate_testing {
namespace {

const fs::path completion = fs::path(EDGEPLAN_BUILD_DIR) / "app" / "edgeplan.bash";

// COMPREPLY for the words given (the last one is being completed), run in `dir`.
std::string complete(const TempDir& dir, const std::string& words) {
    const fs::path script = dir.path() / "complete.sh";
    write_text(script, "source " + quote(completion) + "\ncd " + quote(dir.path()) +
                           "\nCOMP_WORDS=(" + words +
                           ")\nCOMP_CWORD=$((${#COMP_WORDS[@]} - 1))\n_edgeplan\n"
                           "printf '%s\\n' \"${COMPREPLY[@]}\"\n");
    const fs::path answers = dir.path() / "answers.txt";
    if (run("bash " + quote(script) + " >" + quote(answers)) != 0) return "(bash failed)";
    return read_text(answers);
}

std::set<std::string> lines(const std::string& text) {
    std::set<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty()) out.insert(line);
    }
    return out;
}

class Completion : public ::testing::Test {
  protected:
    void SetUp() override {
        if (!have("bash --version")) GTEST_SKIP() << "no bash";
        if (!fs::exists(completion)) GTEST_SKIP() << "no python3: the completion is not built";
    }
    TempDir dir;
};

TEST_F(Completion, Commands) {
    EXPECT_EQ(complete(dir, "edgeplan r"), "render\n");
    EXPECT_EQ(lines(complete(dir, "edgeplan ''")),
              (std::set<std::string>{"plan", "check", "diff", "render", "checks", "listen",
                                     "partners", "--help", "--version"}));
}

TEST_F(Completion, OnlyAndSkipOfferTheRegistrysIdsAreasAndKinds) {
    const fs::path listing = dir.path() / "checks.json";
    ASSERT_EQ(run(std::string("'") + EDGEPLAN_BINARY + "' checks --format json >" + quote(listing)),
              0);
    std::set<std::string> expected;
    for (const auto& check : nlohmann::json::parse(read_text(listing))) {
        expected.insert(check["id"].get<std::string>());
        expected.insert(check["area"].get<std::string>());
        expected.insert(check["kind"].get<std::string>());
    }
    ASSERT_GT(expected.size(), 50u);
    EXPECT_EQ(lines(complete(dir, "edgeplan check --only ''")), expected);
    EXPECT_EQ(lines(complete(dir, "edgeplan plan --skip ''")), expected);
    EXPECT_EQ(complete(dir, "edgeplan plan --only DNS-SRV-FED-01"), "DNS-SRV-FED-01\n");
    EXPECT_EQ(complete(dir, "edgeplan check --skip certif"), "certificates\n");
}

TEST_F(Completion, FormatsOfEveryReportCommand) {
    const std::set<std::string> all{"text", "json", "junit", "sarif", "html", "markdown"};
    for (const char* command : {"plan", "check", "diff", "render"}) {
        EXPECT_EQ(lines(complete(dir, std::string("edgeplan ") + command + " --format ''")), all)
            << command;
    }
    EXPECT_EQ(lines(complete(dir, "edgeplan checks --format ''")),
              (std::set<std::string>{"text", "json", "markdown"}));
}

TEST_F(Completion, OutputOffersFormatEqualsThenAFile) {
    write_text(dir.path() / "report.html", "");
    EXPECT_EQ(complete(dir, "edgeplan plan --output js"), "json=\n");
    EXPECT_EQ(lines(complete(dir, "edgeplan diff --output ''")),
              (std::set<std::string>{"text=", "json=", "junit=", "sarif=", "html=", "markdown="}));
    // Bash splits "html=rep" at '=' (COMP_WORDBREAKS): the words are html, =, rep.
    EXPECT_EQ(complete(dir, "edgeplan check --output html = rep"), "report.html\n");
    // Without '=' in COMP_WORDBREAKS the word stays whole.
    EXPECT_EQ(complete(dir, "edgeplan render --output html=rep"), "html=report.html\n");
}

TEST_F(Completion, OptionsAndFiles) {
    EXPECT_EQ(complete(dir, "edgeplan render --no"), "--no-plan\n");
    // --settings-from on every command that loads a topology (docs/settings-from.md).
    EXPECT_EQ(complete(dir, "edgeplan diff --old-settings-f"), "--old-settings-from\n");
    EXPECT_EQ(complete(dir, "edgeplan diff --settings-f"), "--settings-from\n");
    EXPECT_EQ(complete(dir, "edgeplan listen --settings-f"), "--settings-from\n");
    write_text(dir.path() / "topology.xml", "");
    EXPECT_EQ(complete(dir, "edgeplan plan top"), "topology.xml\n");
}

}  // namespace
}  // namespace edgeplan::gate_testing
