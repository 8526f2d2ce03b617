// NAT-05: one row per outcome (docs/checks/NAT-05.md).
#include "checks/nat/nat_public_av_ip.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(NatPublicAvIpCheck, OneRowPerOutcome) {
    run_rows(
        checks::NatPublicAvIpCheck(), "NAT-05",
        {
            {"pass - public A/V address declared", nullptr, Status::pass,
             "member:edge01.contoso.net"},
            {"fail - no public A/V address", EDIT(m.edge_pools[0].members[0].av.public_ips.clear()),
             Status::fail, "member:edge01.contoso.net"},
            {"fail - declared public A/V address is private",
             EDIT(m.edge_pools[0].members[0].av.public_ips = {"10.0.0.1"}), Status::fail,
             "member:edge01.contoso.net"},
            {"skip - no NAT", nullptr, Status::skip, "topology", "not_applicable", s1_model},
        });
}

}  // namespace edgeplan::testing
