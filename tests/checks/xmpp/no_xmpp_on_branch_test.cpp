// XMPP-02: one row per outcome (docs/checks/XMPP-02.md).
#include "checks/xmpp/no_xmpp_on_branch.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(NoXmppOnBranchCheck, OneRowPerOutcome) {
    run_rows(
        checks::NoXmppOnBranchCheck(), "XMPP-02",
        {
            {"pass - SBA users without XMPP policy",
             EDIT(m.branch_appliances = {BranchAppliance{"sba01.contoso.com", "hq", "edgepool",
                                                         true, false, at(70)}}),
             Status::pass, "pool:sba01.contoso.com"},
            {"fail - SBA users with an XMPP policy",
             EDIT(m.branch_appliances = {BranchAppliance{"sba01.contoso.com", "hq", "edgepool",
                                                         true, true, at(70)}}),
             Status::fail, "pool:sba01.contoso.com"},
            {"skip - no branch appliance", nullptr, Status::skip, "topology", "not_applicable"},
            {"skip - XMPP not used",
             EDIT(m.branch_appliances = {BranchAppliance{"sba01.contoso.com", "hq", "edgepool",
                                                         true, true, at(70)}}),
             Status::skip, "topology", "not_applicable", s1_model},
        });
}

}  // namespace edgeplan::testing
