// CERT-EXT-02: one row per outcome (docs/checks/CERT-EXT-02.md).
#include "checks/certificates/external_subject.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(ExternalSubjectCheck, OneRowPerOutcome) {
    run_rows(checks::ExternalSubjectCheck(), "CERT-EXT-02",
             {
                 {"pass - subject is the Access Edge FQDN", nullptr, Status::pass,
                  "cert:edgepool/external"},
                 {"warn - subject is another name",
                  EDIT(m.edge_pools[0].certificates[0].subject = "webcon.contoso.com"),
                  Status::warn, "cert:edgepool/external"},
                 {"fail - wildcard subject",
                  EDIT(m.edge_pools[0].certificates[0].subject = "*.contoso.com"), Status::fail,
                  "cert:edgepool/external"},
                 {"skip - certificate given as a file",
                  EDIT(m.edge_pools[0].certificates[0].file = "edge.pfx"), Status::skip,
                  "cert:edgepool/external", "needs_certificate_probe"},
                 {"skip - no external certificate described",
                  EDIT(m.edge_pools[0].certificates.erase(m.edge_pools[0].certificates.begin())),
                  Status::skip, "cert:edgepool/external", "unknown_input"},
                 {"skip - no Edge pool", EDIT(m.edge_pools.clear()), Status::skip, "topology",
                  "not_applicable"},
             });
}

}  // namespace edgeplan::testing
