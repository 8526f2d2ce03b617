// NAT-01: one row per outcome (docs/checks/NAT-01.md).
#include "checks/nat/nat_external_only.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(NatExternalOnlyCheck, OneRowPerOutcome) {
    run_rows(checks::NatExternalOnlyCheck(), "NAT-01",
             {
                 {"pass - NAT on external addresses only", nullptr, Status::pass,
                  "member:edge01.contoso.net"},
                 {"fail - internal address also used externally",
                  EDIT(m.edge_pools[0].members[0].internal_ips = {"10.45.16.10"}), Status::fail,
                  "member:edge01.contoso.net"},
                 {"skip - internal address not stated",
                  EDIT(m.edge_pools[0].members[0].internal_ips.clear()), Status::skip,
                  "member:edge01.contoso.net", "unknown_input"},
                 {"skip - no NAT", nullptr, Status::skip, "topology", "not_applicable", s1_model},
             });
}

TEST(NatExternalOnlyCheck, SettingsXmlEscapesTheMemberName) {
    Model m = s4_model();
    m.edge_pools[0].members[0].internal_fqdn = "edge\"01&.contoso.net";
    m.edge_pools[0].members[0].internal_ips.clear();
    EXPECT_EQ(settings_xml_of(checks::NatExternalOnlyCheck(), m, "member:edge\"01&.contoso.net"),
              "<Member internalFqdn=\"edge&quot;01&amp;.contoso.net\" internalIp=\"ADDRESS\">");
}

}  // namespace edgeplan::testing
