// FED-02: one row per outcome (docs/checks/FED-02.md).
#include "checks/federation/federation_enabled.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(FederationEnabledCheck, OneRowPerOutcome) {
    run_rows(checks::FederationEnabledCheck(), "FED-02",
             {
                 {"pass - AllowFederatedUsers is true", nullptr, Status::pass, "topology"},
                 {"fail - AllowFederatedUsers is false", EDIT(m.federation.enabled = false),
                  Status::fail, "topology"},
                 {"skip - AllowFederatedUsers is not stated", EDIT(m.federation.enabled.reset()),
                  Status::skip, "topology", "unknown_input"},
                 {"skip - no federation, public IM, XMPP or push", EDIT(no_federation(m)),
                  Status::skip, "topology", "not_applicable"},
             });
}

}  // namespace edgeplan::testing
