// CERT-EXT-14: one row per outcome (docs/checks/CERT-EXT-14.md). The assignments are what
// Get-CsCertificate on each Edge Server states (topology/powershell_certificates.cpp).
#include "checks/certificates/external_usages.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

// Assigns `usage` of the pool's external certificate `index` on `server`, as one export record.
inline void assign(Model& m, std::size_t index, const std::string& thumbprint,
                   const std::string& usage, const std::string& server) {
    auto& certs = m.edge_pools[0].certificates;
    while (certs.size() <= index) {
        certs.push_back(certificate(CertificateUse::external, "sip.contoso.com", {}));
    }
    CertificateSpec& c = certs[index];
    c.use = CertificateUse::external;
    c.thumbprint = thumbprint;
    c.usages.push_back(usage);
    // Line 100 + 10 * index + n: each record has its own line, so a test can tell which is cited.
    c.assignments.push_back(
        {usage, server,
         at(100 + 10 * static_cast<int>(index) + static_cast<int>(c.assignments.size()))});
}

// certificates[0] is external in the s4 model; index 2+ are extra external certificates.
#define ONE_CERT(server)                              \
    assign(m, 0, "AA", "AccessEdgeExternal", server); \
    assign(m, 0, "AA", "DataEdgeExternal", server);   \
    assign(m, 0, "AA", "AudioVideoAuthentication", server)

TEST(ExternalUsagesCheck, OneRowPerOutcome) {
    run_rows(checks::ExternalUsagesCheck(), "CERT-EXT-14",
             {
                 {"pass - one thumbprint on the three usages on both servers",
                  EDIT(ONE_CERT("edge01.contoso.net"); ONE_CERT("edge02.contoso.net")),
                  Status::pass, "cert:edgepool/external"},
                 {"pass - A/V Authentication on a separate certificate (CERT-EXT-15)",
                  EDIT(assign(m, 0, "AA", "AccessEdgeExternal", "edge01.contoso.net");
                       assign(m, 0, "AA", "DataEdgeExternal", "edge01.contoso.net");
                       assign(m, 2, "CC", "AudioVideoAuthentication", "edge01.contoso.net")),
                  Status::pass, "cert:edgepool/external"},
                 {"fail - the three usages on three certificates",
                  EDIT(assign(m, 0, "AA", "AccessEdgeExternal", "edge01.contoso.net");
                       assign(m, 2, "BB", "DataEdgeExternal", "edge01.contoso.net");
                       assign(m, 3, "CC", "AudioVideoAuthentication", "edge01.contoso.net")),
                  Status::fail, "cert:edgepool/external"},
                 {"fail - DataEdgeExternal not assigned on one server",
                  EDIT(ONE_CERT("edge01.contoso.net");
                       assign(m, 0, "AA", "AccessEdgeExternal", "edge02.contoso.net");
                       assign(m, 0, "AA", "AudioVideoAuthentication", "edge02.contoso.net")),
                  Status::fail, "cert:edgepool/external"},
                 {"skip - no usage stated", nullptr, Status::skip, "cert:edgepool/external",
                  "unknown_input"},
             });
}

TEST(ExternalUsagesCheck, FailCitesTheRecordOfTheDifferingUsage) {
    Model m = s4_model();
    assign(m, 0, "AA", "AccessEdgeExternal", "edge01.contoso.net");
    assign(m, 2, "BB", "DataEdgeExternal", "edge01.contoso.net");
    assign(m, 0, "AA", "AudioVideoAuthentication", "edge01.contoso.net");
    Plan plan;
    plan.features = topology::derive_features(m);
    const auto findings = checks::ExternalUsagesCheck().evaluate({m, plan, default_now()});
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].where.line, 120);  // BB's record (certificate 2, its first)
    EXPECT_NE(findings[0].message.str().find("BB on DataEdgeExternal"), std::string::npos)
        << findings[0].message;
}

TEST(ExternalUsagesCheck, UnknownNamesTheCmdletAndTheSnippet) {
    Model m = s4_model();
    Plan plan;
    plan.features = topology::derive_features(m);
    const auto findings = checks::ExternalUsagesCheck().evaluate({m, plan, default_now()});
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_NE(findings[0].message.str().find("Get-CsCertificate"), std::string::npos);
    EXPECT_NE(findings[0].message.str().find("usages=\""), std::string::npos);
}

}  // namespace edgeplan::testing
