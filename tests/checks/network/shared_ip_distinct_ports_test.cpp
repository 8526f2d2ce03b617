// PORT-SINGLEIP-01: one row per outcome (docs/checks/PORT-SINGLEIP-01.md).
#include "checks/network/shared_ip_distinct_ports.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(SharedIpDistinctPortsCheck, OneRowPerOutcome) {
    run_rows(checks::SharedIpDistinctPortsCheck(), "PORT-SINGLEIP-01",
             {
                 {"pass - single IP with 5061, 444 and 443",
                  EDIT(auto& e = m.edge_pools[0]; e.single_ip = true; e.ports.access_client = 5061;
                       e.ports.webconf = 444; e.ports.av_tcp = 443),
                  Status::pass, "pool:edgepool"},
                 {"fail - single IP with 443 for every service",
                  EDIT(m.edge_pools[0].single_ip = true), Status::fail, "pool:edgepool"},
                 {"fail - A/V on 5061 collides with federation",
                  EDIT(auto& e = m.edge_pools[0]; e.single_ip = true; e.ports.access_client = 5061;
                       e.ports.webconf = 444; e.ports.av_tcp = 5061),
                  Status::fail, "pool:edgepool"},
                 {"fail - two services share an address on one member",
                  EDIT(m.edge_pools[0].members[0].webconf.ips = {"10.45.16.10"}), Status::fail,
                  "pool:edgepool"},
                 {"skip - three addresses per member", nullptr, Status::skip, "topology",
                  "not_applicable"},
             });
}

}  // namespace edgeplan::testing
