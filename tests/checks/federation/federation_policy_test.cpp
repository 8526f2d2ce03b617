// FED-03: one row per outcome (docs/checks/FED-03.md).
#include "checks/federation/federation_policy.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(FederationPolicyCheck, OneRowPerOutcome) {
    run_rows(
        checks::FederationPolicyCheck(), "FED-03",
        {
            {"pass - Global policy enables federation", nullptr, Status::pass, "policy:Global"},
            {"fail - no policy enables federation", EDIT(m.policies[0].federation = false),
             Status::fail, "topology"},
            {"fail - the enabling policy is not assigned", EDIT(m.policies[0].assigned = false),
             Status::fail, "topology"},
            {"skip - policies not stated", EDIT(m.policies.clear()), Status::skip, "topology",
             "unknown_input"},
            {"skip - federation is not wanted", EDIT(no_federation(m)), Status::skip, "topology",
             "not_applicable"},
        });
}

}  // namespace edgeplan::testing
