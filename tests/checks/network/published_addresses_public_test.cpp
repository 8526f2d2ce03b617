// NET-10: one row per outcome (docs/checks/NET-10.md).
#include "checks/network/published_addresses_public.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(PublishedAddressesPublicCheck, OneRowPerOutcome) {
    run_rows(
        checks::PublishedAddressesPublicCheck(), "NET-10",
        {
            {"pass - NAT public address published", EDIT(p = topology::derive_plan(m)),
             Status::pass, "plan:av.contoso.com/A=131.107.155.30"},
            {"pass - loopback accepted as a lab's stand-in",
             EDIT(m.edge_pools[0].members[0].av.public_ips = {"127.0.10.3"};
                  p = topology::derive_plan(m)),
             Status::pass, "plan:av.contoso.com/A=127.0.10.3"},
            {"fail - NAT public address is private",
             EDIT(m.edge_pools[0].members[0].av.public_ips = {"10.0.0.6"};
                  p = topology::derive_plan(m)),
             Status::fail, "plan:av.contoso.com/A=10.0.0.6"},
            {"fail - NAT public address is in shared CGN space (100.64/10)",
             EDIT(m.edge_pools[0].members[0].av.public_ips = {"100.64.0.6"};
                  p = topology::derive_plan(m)),
             Status::fail, "plan:av.contoso.com/A=100.64.0.6"},
            {"fail - NAT public address is link-local",
             EDIT(m.edge_pools[0].members[0].av.public_ips = {"169.254.0.6"};
                  p = topology::derive_plan(m)),
             Status::fail, "plan:av.contoso.com/A=169.254.0.6"},
            {"fail - no NAT and the interface address is private",
             EDIT(m.edge_pools[0].nat = false; m.edge_pools[0].members[0].av.public_ips.clear();
                  p = topology::derive_plan(m)),
             Status::fail, "plan:av.contoso.com/A=10.45.16.30"},
            {"skip - the plan publishes no address", nullptr, Status::skip, "topology",
             "not_applicable"},
        });
}

}  // namespace edgeplan::testing
