// CERT-EXT-04: one row per outcome (docs/checks/CERT-EXT-04.md).
#include "checks/certificates/webconf_fqdn_in_san.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(WebconfFqdnInSanCheck, OneRowPerOutcome) {
    run_rows(
        checks::WebconfFqdnInSanCheck(), "CERT-EXT-04",
        {
            {"pass - Web Conferencing FQDN in the SAN list", nullptr, Status::pass,
             "cert:edgepool/external"},
            {"fail - Web Conferencing FQDN missing",
             EDIT(m.edge_pools[0].certificates[0].sans = {"sip.contoso.com"}), Status::fail,
             "cert:edgepool/external"},
            {"skip - Web Conferencing FQDN not stated", EDIT(m.edge_pools[0].webconf.fqdn.clear()),
             Status::skip, "cert:edgepool/external", "unknown_input"},
        });
}

}  // namespace edgeplan::testing
