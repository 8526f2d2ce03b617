#pragma once
// Shared by the app tests, which run the edgeplan binary as a user (or an attacker) would: each
// run is bounded by `timeout`, so a hang fails the row instead of the suite.
#include <gtest/gtest.h>

#include <string>

#include "tests/support/files.h"

namespace edgeplan::app_testing {

using namespace test_files;

inline std::string source(const std::string& relative) {
    return std::string(EDGEPLAN_SOURCE_DIR) + "/" + relative;
}

struct RunResult {
    int status = -1;  // 124: killed by timeout (a hang)
    std::string out;
    std::string err;
};

// Runs `edgeplan ARGS` in `dir` with at most 30 s; stdout and stderr are kept.
inline RunResult edgeplan(const TempDir& dir, const std::string& args,
                          const std::string& prefix = "") {
    const fs::path out = dir.path() / "stdout.txt";
    const fs::path err = dir.path() / "stderr.txt";
    RunResult r;
    r.status = run("cd " + quote(dir.path()) + " && " + prefix + " timeout 30 '" + EDGEPLAN_BINARY +
                   "' " + args + " >" + quote(out) + " 2>" + quote(err));
    r.out = read_text(out);
    r.err = read_text(err);
    return r;
}

inline bool is_root() { return ::geteuid() == 0; }

}  // namespace edgeplan::app_testing
