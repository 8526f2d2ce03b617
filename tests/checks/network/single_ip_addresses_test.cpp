// NET-11: one row per outcome (docs/checks/NET-11.md).
#include "checks/network/single_ip_addresses.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

namespace {

// S1 turned single-IP: every service on the Access Edge address 131.107.155.10.
void single_ip(Model& m) {
    EdgePool& e = m.edge_pools[0];
    e.single_ip = true;
    for (EdgeMember& member : e.members) {
        member.webconf.ips = member.access.ips;
        member.av.ips = member.access.ips;
    }
}

}  // namespace

TEST(SingleIpAddressesCheck, OneRowPerOutcome) {
    run_rows(checks::SingleIpAddressesCheck(), "NET-11",
             {
                 {"pass - every service on the Access Edge address", EDIT(single_ip(m)),
                  Status::pass, "member:edge.contoso.net", "", s1_model},
                 {"pass - Web Conferencing and A/V left empty fall back to the Access Edge",
                  EDIT(single_ip(m); m.edge_pools[0].members[0].webconf.ips.clear();
                       m.edge_pools[0].members[0].av.ips.clear()),
                  Status::pass, "member:edge.contoso.net", "", s1_model},
                 {"fail - only the Access Edge got a NAT public address override",
                  EDIT(single_ip(m); m.edge_pools[0].nat = true; for (EdgeMember& x
                                                                      : m.edge_pools[0].members) {
                      x.access.public_ips = {"198.51.100.10"};
                      x.webconf.public_ips = {"10.0.0.2"};
                      x.av.public_ips = {"10.0.0.2"};
                  }),
                  Status::fail, "member:edge.contoso.net", "", s1_model},
                 {"fail - the A/V Edge keeps an old interface address",
                  EDIT(single_ip(m); m.edge_pools[0].members[0].av.ips = {"131.107.155.30"}),
                  Status::fail, "member:edge.contoso.net", "", s1_model},
                 {"skip - no single-IP pool", nullptr, Status::skip, "topology", "not_applicable",
                  s1_model},
             });
}

}  // namespace edgeplan::testing
