// CERT-EXT-10: one row per outcome (docs/checks/CERT-EXT-10.md).
#include "checks/certificates/aol_client_eku.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(AolClientEkuCheck, OneRowPerOutcome) {
    run_rows(checks::AolClientEkuCheck(), "CERT-EXT-10",
             {
                 {"pass - AOL with client EKU",
                  EDIT(m.federation.public_providers = {provider(PublicProviderKind::aol, true,
                                                                 "sip.oscar.aol.com")};
                       m.edge_pools[0].certificates[0].client_eku = true),
                  Status::pass, "cert:edgepool/external"},
                 {"fail - AOL without client EKU",
                  EDIT(m.federation.public_providers = {provider(PublicProviderKind::aol, true,
                                                                 "sip.oscar.aol.com")}),
                  Status::fail, "cert:edgepool/external"},
                 {"skip - client EKU not stated",
                  EDIT(m.federation.public_providers = {provider(PublicProviderKind::aol, true,
                                                                 "sip.oscar.aol.com")};
                       m.edge_pools[0].certificates[0].client_eku.reset()),
                  Status::skip, "cert:edgepool/external", "unknown_input"},
                 {"skip - AOL not enabled", nullptr, Status::skip, "topology", "not_applicable"},
             });
}

}  // namespace edgeplan::testing
