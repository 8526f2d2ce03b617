// `cmake --install` puts the binary, edgeplan(1) and the bash completion in place, the man page
// renders without warnings, and the completion offers the commands and their options
// (docs/install/README.md).
#include <gtest/gtest.h>

#include "tests/gate/support.h"
#include "tests/support/required.h"

namespace edgeplan::gate_testing {
namespace {

TEST(Install, PutsBinaryManPageAndCompletionInPlace) {
    if (!have("python3 --version"))
        EDGEPLAN_REQUIRED_MISSING() << "python3 missing: no man page is built";
    TempDir dir;
    const fs::path prefix = dir.path() / "prefix";
    ASSERT_EQ(run(std::string("'") + EDGEPLAN_CMAKE + "' --install '" + EDGEPLAN_BUILD_DIR +
                  "' --prefix " + quote(prefix) + " >/dev/null"),
              0);
    const fs::path binary = prefix / "bin" / "edgeplan";
    const fs::path man = prefix / "share" / "man" / "man1" / "edgeplan.1";
    const fs::path completion = prefix / "share" / "bash-completion" / "completions" / "edgeplan";
    ASSERT_TRUE(fs::exists(binary));
    ASSERT_TRUE(fs::exists(man));
    ASSERT_TRUE(fs::exists(completion));
    EXPECT_EQ(run(quote(binary) + " --version >/dev/null"), 0);

    // The man page carries every command's --help (the same text, so it cannot drift).
    const std::string page = read_text(man);
    for (const char* section : {".SS plan", ".SS check", ".SS diff", ".SS checks"}) {
        EXPECT_NE(page.find(section), std::string::npos) << section;
    }
    EXPECT_NE(page.find("\\-\\-baseline"), std::string::npos);

    const fs::path rendered = dir.path() / "rendered.txt";
    const fs::path warnings = dir.path() / "warnings.txt";
    if (have("groff --version")) {
        ASSERT_EQ(run("groff -man -Tutf8 -ww " + quote(man) + " >" + quote(rendered) + " 2>" +
                      quote(warnings)),
                  0);
        EXPECT_EQ(read_text(warnings), "") << "groff warnings";
        EXPECT_NE(read_text(rendered).find("EDGEPLAN(1)"), std::string::npos);
    } else if (have("man --version")) {
        ASSERT_EQ(run("MANPAGER=cat man -l " + quote(man) + " >" + quote(rendered)), 0);
    } else {
        EDGEPLAN_REQUIRED_MISSING() << "neither groff nor man is installed";
    }

    // Completion: source it and ask as bash would for "edgeplan d" and "edgeplan diff --f".
    if (!have("bash --version")) return;
    const fs::path script = dir.path() / "complete.sh";
    write_text(
        script,
        "source " + quote(completion) +
            "\n"
            "COMP_WORDS=(edgeplan d); COMP_CWORD=1; _edgeplan; echo \"${COMPREPLY[*]}\"\n"
            "COMP_WORDS=(edgeplan diff --f); COMP_CWORD=2; _edgeplan; echo \"${COMPREPLY[*]}\"\n"
            "COMP_WORDS=(edgeplan plan --format ''); COMP_CWORD=3; _edgeplan; echo "
            "\"${COMPREPLY[*]}\"\n");
    const fs::path answers = dir.path() / "answers.txt";
    ASSERT_EQ(run("bash " + quote(script) + " >" + quote(answers)), 0);
    EXPECT_EQ(read_text(answers),
              "diff\n--format --fail-on\ntext json junit sarif html markdown\n");
}

}  // namespace
}  // namespace edgeplan::gate_testing
