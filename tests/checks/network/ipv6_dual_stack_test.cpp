// NET-07: one row per outcome (docs/checks/NET-07.md).
#include "checks/network/ipv6_dual_stack.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(Ipv6DualStackCheck, OneRowPerOutcome) {
    run_rows(
        checks::Ipv6DualStackCheck(), "NET-07",
        {
            {"pass - dual stack on every external interface",
             EDIT(for (auto& mem
                       : m.edge_pools[0].members) for (auto* s
                                                       : {&mem.access, &mem.webconf, &mem.av})
                      s->ips.push_back("2001:db8::10")),
             Status::pass, "member:edge01.contoso.net"},
            {"warn - one member lacks IPv6",
             EDIT(auto& mem = m.edge_pools[0].members[0];
                  for (auto* s
                       : {&mem.access, &mem.webconf, &mem.av}) s->ips.push_back("2001:db8::10")),
             Status::warn, "member:edge02.contoso.net"},
            {"warn - IPv6-only Access Edge",
             EDIT(for (auto& mem
                       : m.edge_pools[0].members) {
                 mem.access.ips = {"2001:db8::1"};
                 mem.webconf.ips.push_back("2001:db8::2");
                 mem.av.ips.push_back("2001:db8::3");
             }),
             Status::warn, "member:edge01.contoso.net"},
            {"warn - unique local IPv6 on a public Edge",
             EDIT(auto& mem = m.edge_pools[0].members[0];
                  for (auto* s
                       : {&mem.access, &mem.webconf, &mem.av}) s->ips.push_back("fd00::10")),
             Status::warn, "member:edge.contoso.net", "", s1_model},
            {"warn - internal IPv6 on one member only",
             EDIT(m.edge_pools[0].members[0].internal_ips.push_back("fd00::10")), Status::warn,
             "member:edge02.contoso.net"},
            {"skip - IPv4 only", nullptr, Status::skip, "topology", "not_applicable"},
        });
}

}  // namespace edgeplan::testing
