// TOPO-03: one row per outcome (docs/checks/TOPO-03.md).
#include "checks/topology/edge_fqdn_identity.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(EdgeFqdnIdentityCheck, OneRowPerOutcome) {
    run_rows(
        checks::EdgeFqdnIdentityCheck(), "TOPO-03",
        {
            {"pass - pool members have their own FQDNs", nullptr, Status::pass, "pool:edgepool"},
            {"fail - member uses the pool FQDN",
             EDIT(m.edge_pools[0].members[0].internal_fqdn = "lsedge.contoso.net"), Status::fail,
             "pool:edgepool"},
            {"fail - two members share an FQDN",
             EDIT(m.edge_pools[0].members[1].internal_fqdn = "edge01.contoso.net"), Status::fail,
             "pool:edgepool"},
            {"pass - single Edge pool FQDN is the computer FQDN", nullptr, Status::pass,
             "pool:edge.contoso.net", "", s1_model},
            {"fail - single Edge pool FQDN differs from the computer FQDN",
             EDIT(m.edge_pools[0].members[0].internal_fqdn = "edge01.contoso.net"), Status::fail,
             "pool:edge.contoso.net", "", s1_model},
            {"skip - pool internal FQDN is not stated", EDIT(m.edge_pools[0].internal_fqdn.clear()),
             Status::skip, "pool:edgepool", "unknown_input"},
            {"skip - no Edge pool", EDIT(m.edge_pools.clear()), Status::skip, "topology",
             "not_applicable"},
        });
}

}  // namespace edgeplan::testing
