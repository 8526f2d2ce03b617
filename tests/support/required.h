#pragma once
// A test that needs a tool (jsonschema, xmllint, chromium, nsd, coturn, prosody, openssl, nft),
// root, a network namespace or a file of ../shared: on a developer machine without it the test
// is skipped, and its reason shows in `tests/skipped.sh BUILD_DIR` (ctest marks it "Skipped").
// Under CI=true the same condition fails the test: .ci/install-deps installs every tool and CI
// has ../shared, so a skip there would hide a test that never ran.
//
//     if (!have_xmllint()) EDGEPLAN_REQUIRED_MISSING() << "xmllint is not installed";
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

namespace edgeplan::test_support {

inline bool in_ci() {
    const char* ci = std::getenv("CI");
    return ci != nullptr && std::string(ci) == "true";
}

}  // namespace edgeplan::test_support

#define EDGEPLAN_REQUIRED_MISSING()                                                      \
    return GTEST_MESSAGE_(::edgeplan::test_support::in_ci()                              \
                              ? "missing under CI=true (.ci/install-deps provides it): " \
                              : "",                                                      \
                          ::edgeplan::test_support::in_ci()                              \
                              ? ::testing::TestPartResult::kFatalFailure                 \
                              : ::testing::TestPartResult::kSkip)
