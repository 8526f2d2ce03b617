// CERT-EXT-10: one row per outcome (docs/checks/CERT-EXT-10.md).
#include "checks/certificates/aol_client_eku.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

namespace {

// What the certificate plan asks of the pool when AOL is enabled and the pool carries SIP
// federation (topology/certificate_plan.cpp): the check judges only pools the plan asks it of.
topology::CertificateRequest client_eku_required() {
    topology::CertificateRequest c;
    c.pool_id = "edgepool";
    c.use = topology::CertificateUse::external;
    c.requirements = {topology::CertificateRule::aol_client_eku};
    return c;
}

}  // namespace

TEST(AolClientEkuCheck, OneRowPerOutcome) {
    run_rows(checks::AolClientEkuCheck(), "CERT-EXT-10",
             {
                 {"pass - AOL with client EKU",
                  EDIT(m.federation.public_providers = {provider(PublicProviderKind::aol, true,
                                                                 "sip.oscar.aol.com")};
                       m.edge_pools[0].certificates[0].client_eku = true;
                       p.certificates = {client_eku_required()}),
                  Status::pass, "cert:edgepool/external"},
                 {"fail - AOL without client EKU",
                  EDIT(m.federation.public_providers = {provider(PublicProviderKind::aol, true,
                                                                 "sip.oscar.aol.com")};
                       p.certificates = {client_eku_required()}),
                  Status::fail, "cert:edgepool/external"},
                 {"skip - client EKU not stated",
                  EDIT(m.federation.public_providers = {provider(PublicProviderKind::aol, true,
                                                                 "sip.oscar.aol.com")};
                       m.edge_pools[0].certificates[0].client_eku.reset();
                       p.certificates = {client_eku_required()}),
                  Status::skip, "cert:edgepool/external", "unknown_input"},
                 {"skip - the pool carries no SIP federation (the plan asks no client EKU)",
                  EDIT(m.federation.public_providers = {provider(PublicProviderKind::aol, true,
                                                                 "sip.oscar.aol.com")}),
                  Status::skip, "cert:edgepool/external", "not_applicable"},
                 {"skip - AOL not enabled", nullptr, Status::skip, "topology", "not_applicable"},
             });
}

}  // namespace edgeplan::testing
