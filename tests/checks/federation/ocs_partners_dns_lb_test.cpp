// FED-09: one row per outcome (docs/checks/FED-09.md).
#include "checks/federation/ocs_partners_dns_lb.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(OcsPartnersDnsLbCheck, OneRowPerOutcome) {
    run_rows(checks::OcsPartnersDnsLbCheck(), "FED-09",
             {
                 {"pass - Lync 2013 partner", nullptr, Status::pass, "partner:litwareinc.com"},
                 {"warn - OCS 2007 R2 partner through DNS load balancing",
                  EDIT(m.federation.allowed[0].version = PartnerVersion::ocs2007r2), Status::warn,
                  "partner:litwareinc.com"},
                 {"skip - partner version not stated", nullptr, Status::skip,
                  "partner:push.lync.com", "unknown_input"},
                 {"skip - federation pool uses hardware load balancing", nullptr, Status::skip,
                  "topology", "not_applicable", s5_model},
             });
}

TEST(OcsPartnersDnsLbCheck, SettingsXmlEscapesThePartnerName) {
    Model m = s4_model();
    m.federation.allowed[0].domain = "litware\"<inc.com";
    m.federation.allowed[0].version = PartnerVersion::unknown;
    EXPECT_EQ(settings_xml_of(checks::OcsPartnersDnsLbCheck(), m, "partner:litware\"<inc.com"),
              "<AllowedDomain domain=\"litware&quot;&lt;inc.com\" "
              "version=\"sfb|lync2013|lync2010|ocs2007r2|ocs2007\"/>");
}

}  // namespace edgeplan::testing
