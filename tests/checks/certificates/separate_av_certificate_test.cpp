// CERT-EXT-15: one row per outcome (docs/checks/CERT-EXT-15.md).
#include "checks/certificates/separate_av_certificate.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

inline void assign_av(Model& m, std::size_t index, const std::string& thumbprint,
                      const std::string& usage, const std::string& server) {
    auto& certs = m.edge_pools[0].certificates;
    while (certs.size() <= index) {
        certs.push_back(certificate(CertificateUse::external, "sip.contoso.com", {}));
    }
    CertificateSpec& c = certs[index];
    c.use = CertificateUse::external;
    c.thumbprint = thumbprint;
    c.usages.push_back(usage);
    c.assignments.push_back({usage, server, at(100 + static_cast<int>(c.assignments.size()))});
}

#define EDGE_PAIR(server, av_index, av_thumbprint)       \
    assign_av(m, 0, "AA", "AccessEdgeExternal", server); \
    assign_av(m, 0, "AA", "DataEdgeExternal", server);   \
    assign_av(m, av_index, av_thumbprint, "AudioVideoAuthentication", server)

TEST(SeparateAvCertificateCheck, OneRowPerOutcome) {
    run_rows(checks::SeparateAvCertificateCheck(), "CERT-EXT-15",
             {
                 {"pass - A/V Authentication on the external certificate",
                  EDIT(EDGE_PAIR("edge01.contoso.net", 0, "AA");
                       EDGE_PAIR("edge02.contoso.net", 0, "AA")),
                  Status::pass, "cert:edgepool/external"},
                 {"pass - one separate A/V certificate on both servers",
                  EDIT(EDGE_PAIR("edge01.contoso.net", 2, "CC");
                       EDGE_PAIR("edge02.contoso.net", 2, "CC")),
                  Status::pass, "cert:edgepool/external"},
                 {"warn - the servers hold different A/V certificates",
                  EDIT(EDGE_PAIR("edge01.contoso.net", 2, "CC");
                       EDGE_PAIR("edge02.contoso.net", 3, "DD")),
                  Status::warn, "cert:edgepool/external"},
                 {"warn - the separate A/V certificate key is not exportable",
                  EDIT(EDGE_PAIR("edge01.contoso.net", 2, "CC");
                       m.edge_pools[0].certificates[2].exportable_key = false),
                  Status::warn, "cert:edgepool/external"},
                 {"skip - no usage stated", nullptr, Status::skip, "cert:edgepool/external",
                  "unknown_input"},
             });
}

}  // namespace edgeplan::testing
