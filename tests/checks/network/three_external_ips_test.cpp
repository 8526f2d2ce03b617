// NET-04: one row per outcome (docs/checks/NET-04.md).
#include "checks/network/three_external_ips.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(ThreeExternalIpsCheck, OneRowPerOutcome) {
    run_rows(
        checks::ThreeExternalIpsCheck(), "NET-04",
        {
            {"pass - three distinct addresses per member", nullptr, Status::pass, "pool:edgepool"},
            {"warn - single IP mode", EDIT(m.edge_pools[0].single_ip = true), Status::warn,
             "pool:edgepool"},
            {"warn - Web Conferencing shares the Access address",
             EDIT(m.edge_pools[0].members[0].webconf.ips = {"10.45.16.10"}), Status::warn,
             "pool:edgepool"},
            {"skip - a member's A/V address is not stated",
             EDIT(m.edge_pools[0].members[1].av.ips.clear()), Status::skip, "pool:edgepool",
             "unknown_input"},
            {"skip - no Edge pool", EDIT(m.edge_pools.clear()), Status::skip, "topology",
             "not_applicable"},
        });
}

}  // namespace edgeplan::testing
