// CERT-EXT-13: one row per outcome (docs/checks/CERT-EXT-13.md).
#include "checks/certificates/same_external_certificate.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(SameExternalCertificateCheck, OneRowPerOutcome) {
    run_rows(
        checks::SameExternalCertificateCheck(), "CERT-EXT-13",
        {
            {"pass - one external certificate for the pool", nullptr, Status::pass,
             "cert:edgepool/external"},
            {"fail - two external certificates for one pool",
             EDIT(m.edge_pools[0].certificates.push_back(
                 certificate(CertificateUse::external, "sip2.contoso.com", {}))),
             Status::fail, "cert:edgepool/external"},
            {"skip - certificate file needs the probe",
             EDIT(m.edge_pools[0].certificates[0].file = "edge.pfx"), Status::skip,
             "cert:edgepool/external", "needs_certificate_probe"},
            {"skip - single Edge", nullptr, Status::skip, "topology", "not_applicable", s1_model},
        });
}

}  // namespace edgeplan::testing
