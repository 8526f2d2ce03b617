// LB-12: one row per outcome (docs/checks/LB-12.md).
#include "checks/load_balancing/public_ip_count.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(PublicIpCountCheck, OneRowPerOutcome) {
    run_rows(
        checks::PublicIpCountCheck(), "LB-12",
        {
            {"pass - six public addresses for two NAT members", nullptr, Status::pass,
             "pool:edgepool"},
            {"fail - a public address is reused",
             EDIT(m.edge_pools[0].members[1].av.public_ips = {"131.107.155.30"}), Status::fail,
             "pool:edgepool"},
            {"pass - nine addresses for two HLB members", nullptr, Status::pass, "pool:edgepool",
             "", s5_model},
            {"fail - the A/V VIP reuses a member address",
             EDIT(m.edge_pools[0].vips->av = {"131.107.155.31"}), Status::fail, "pool:edgepool", "",
             s5_model},
            {"skip - a public address is not stated",
             EDIT(m.edge_pools[0].members[0].av.public_ips.clear()), Status::skip, "pool:edgepool",
             "unknown_input"},
            {"skip - single Edge", nullptr, Status::skip, "topology", "not_applicable", s1_model},
        });
}

TEST(PublicIpCountCheck, SettingsXmlEscapesPoolAndMemberNames) {
    Model m = s4_model();
    m.edge_pools[0].id = "edge\"pool";
    m.edge_pools[0].members[0].internal_fqdn = "edge01&.contoso.net";
    m.edge_pools[0].members[0].av.public_ips.clear();
    EXPECT_EQ(settings_xml_of(checks::PublicIpCountCheck(), m, "pool:edge\"pool"),
              "<EdgePool ref=\"edge&quot;pool\"><Member ref=\"edge01&amp;.contoso.net\"><Address "
              "service=\"av\" public=\"ADDRESS\"/></Member></EdgePool>");
}

// Without NAT the check counts the interface's own addresses: the snippet states `ip`, for the
// member and service that lack it.
TEST(PublicIpCountCheck, SettingsXmlNamesTheMissingServiceAndAttribute) {
    Model m = s4_model();
    m.edge_pools[0].nat = false;
    m.edge_pools[0].members[1].webconf.ips.clear();
    EXPECT_EQ(settings_xml_of(checks::PublicIpCountCheck(), m, "pool:edgepool"),
              "<EdgePool ref=\"edgepool\"><Member ref=\"" +
                  m.edge_pools[0].members[1].internal_fqdn +
                  "\"><Address service=\"webconf\" ip=\"ADDRESS\"/></Member></EdgePool>");
}

}  // namespace edgeplan::testing
