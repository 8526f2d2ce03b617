// docs/checks/ stays generated: docs/checks/generate.py rebuilds every page (from the catalogue,
// the sample goldens, the lab recordings replayed with `edgeplan check --replay`, and
// docs/checks/prose/) into a temporary directory, and each must equal the committed page byte
// for byte. Replay reads files only, so this runs without network or root.
#include <gtest/gtest.h>

#include <set>

#include "tests/gate/support.h"
#include "tests/support/required.h"

namespace edgeplan::gate_testing {
namespace {

const std::string regenerate = "python3 docs/checks/generate.py build/dev/app/edgeplan";

std::set<std::string> pages_in(const fs::path& dir) {
    std::set<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (entry.is_regular_file() && entry.path().extension() == ".md") names.insert(name);
    }
    return names;
}

TEST(CheckPages, RegeneratedPagesEqualTheCommittedOnes) {
    if (!have("python3 --version")) EDGEPLAN_REQUIRED_MISSING() << "no python3";
    TempDir dir;
    const fs::path committed = source("docs/checks");
    ASSERT_EQ(run("python3 " + quote(committed / "generate.py") + " '" + EDGEPLAN_BINARY + "' " +
                  quote(dir.path()) + " 2>/dev/null"),
              0)
        << "docs/checks/generate.py failed; run it by hand to see why: " << regenerate;
    const std::set<std::string> generated = pages_in(dir.path());
    const std::set<std::string> present = pages_in(committed);
    ASSERT_GT(generated.size(), 100u) << "the generator wrote too few pages";
    // std::set: the first differing page in name order, so the message is stable.
    for (const std::string& name : generated) {
        ASSERT_TRUE(present.count(name))
            << "docs/checks/" << name << " is missing; run " << regenerate;
        ASSERT_EQ(read_text(committed / name), read_text(dir.path() / name))
            << "docs/checks/" << name << " differs from its generated text; run " << regenerate;
    }
    for (const std::string& name : present) {
        EXPECT_TRUE(generated.count(name))
            << "docs/checks/" << name << " is no catalogue ID's page; remove it or add the check";
    }
}

// Every page's prose has its own file, and no prose file outlives its check.
TEST(CheckPages, ProseFilesBelongToPages) {
    const fs::path prose = source("docs/checks/prose");
    const std::set<std::string> pages = pages_in(source("docs/checks"));
    for (const std::string& name : pages_in(prose)) {
        EXPECT_TRUE(pages.count(name)) << "docs/checks/prose/" << name << " has no page";
    }
}

}  // namespace
}  // namespace edgeplan::gate_testing
