// CERT-EXT-19: one row per outcome (docs/checks/CERT-EXT-19.md).
#include "checks/certificates/client_eku_sunset.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(ClientEkuSunsetCheck, OneRowPerOutcome) {
    run_rows(
        checks::ClientEkuSunsetCheck(), "CERT-EXT-19",
        {
            {"warn - client EKU needed after June 2026",
             EDIT(m.edge_pools[0].certificates[0].client_eku = true), Status::warn,
             "cert:edgepool/external", "", s4_model, checks::utc_date(2026, 7, 1)},
            {"warn - client EKU needed during the phase-out",
             EDIT(m.edge_pools[0].certificates[0].client_eku = true), Status::warn,
             "cert:edgepool/external", "", s4_model, checks::utc_date(2026, 1, 1)},
            {"pass - client EKU needed before the phase-out",
             EDIT(m.edge_pools[0].certificates[0].client_eku = true), Status::pass,
             "cert:edgepool/external", "", s4_model, checks::utc_date(2025, 1, 1)},
            {"warn - the plan requests client EKU",
             EDIT(CertificateRequest r; r.pool_id = "edgepool";
                  r.ekus = {ExtendedKeyUsage::server_auth, ExtendedKeyUsage::client_auth};
                  p.certificates.push_back(r)),
             Status::warn, "cert:edgepool/external", "", s4_model, checks::utc_date(2026, 7, 1)},
            {"skip - no certificate needs client EKU", nullptr, Status::skip, "topology",
             "not_applicable"},
        });
}

}  // namespace edgeplan::testing
