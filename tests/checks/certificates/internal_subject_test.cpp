// CERT-INT-02: one row per outcome (docs/checks/CERT-INT-02.md).
#include "checks/certificates/internal_subject.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(InternalSubjectCheck, OneRowPerOutcome) {
    run_rows(
        checks::InternalSubjectCheck(), "CERT-INT-02",
        {
            {"pass - subject is the internal pool FQDN", nullptr, Status::pass,
             "cert:edgepool/internal"},
            {"fail - subject is a member FQDN",
             EDIT(m.edge_pools[0].certificates[1].subject = "edge01.contoso.net"), Status::fail,
             "cert:edgepool/internal"},
            {"pass - subject is the internal VIP FQDN",
             EDIT(m.edge_pools[0].vips->internal_fqdn = "lsedge-vip.contoso.net";
                  m.edge_pools[0].certificates[1].subject = "lsedge-vip.contoso.net"),
             Status::pass, "cert:edgepool/internal", "", s5_model},
            {"skip - subject not stated", EDIT(m.edge_pools[0].certificates[1].subject.reset()),
             Status::skip, "cert:edgepool/internal", "unknown_input"},
        });
}

}  // namespace edgeplan::testing
