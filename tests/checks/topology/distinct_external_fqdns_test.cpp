// TOPO-04: one row per outcome (docs/checks/TOPO-04.md).
#include "checks/topology/distinct_external_fqdns.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(DistinctExternalFqdnsCheck, OneRowPerOutcome) {
    run_rows(
        checks::DistinctExternalFqdnsCheck(), "TOPO-04",
        {
            {"pass - three distinct FQDNs on 443", nullptr, Status::pass, "pool:edgepool"},
            {"fail - Web Conferencing shares the Access FQDN",
             EDIT(m.edge_pools[0].webconf.fqdn = "SIP.contoso.com"), Status::fail, "pool:edgepool"},
            {"warn - three FQDNs but Web Conferencing on 444",
             EDIT(m.edge_pools[0].ports.webconf = 444), Status::warn, "pool:edgepool"},
            {"skip - A/V FQDN is not stated", EDIT(m.edge_pools[0].av.fqdn.clear()), Status::skip,
             "pool:edgepool", "unknown_input"},
            {"skip - single FQDN mode", EDIT(m.edge_pools[0].single_ip = true), Status::skip,
             "topology", "not_applicable"},
        });
}

}  // namespace edgeplan::testing
