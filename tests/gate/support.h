#pragma once
// Shared by the gate tests: tests/support/files.h, and running the edgeplan binary.
#include <gtest/gtest.h>

#include <string>

#include "tests/support/files.h"

namespace edgeplan::gate_testing {

using namespace test_files;

inline std::string source(const std::string& relative) {
    return std::string(EDGEPLAN_SOURCE_DIR) + "/" + relative;
}

// Runs `edgeplan ARGS` with stdout to `out` (stderr discarded); returns the exit status.
inline int edgeplan(const std::string& args, const fs::path& out) {
    return run(std::string("'") + EDGEPLAN_BINARY + "' " + args + " >" + quote(out) +
               " 2>/dev/null");
}

}  // namespace edgeplan::gate_testing
