// CERT-EXT-12: one row per outcome (docs/checks/CERT-EXT-12.md).
#include "checks/certificates/exportable_external_key.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(ExportableExternalKeyCheck, OneRowPerOutcome) {
    run_rows(checks::ExportableExternalKeyCheck(), "CERT-EXT-12",
             {
                 {"pass - exportable key", nullptr, Status::pass, "cert:edgepool/external"},
                 {"fail - pool key not exportable",
                  EDIT(m.edge_pools[0].certificates[0].exportable_key = false), Status::fail,
                  "cert:edgepool/external"},
                 {"warn - single Edge key not exportable",
                  EDIT(m.edge_pools[0].certificates[0].exportable_key = false), Status::warn,
                  "cert:edge.contoso.net/external", "", s1_model},
                 {"skip - exportability not stated",
                  EDIT(m.edge_pools[0].certificates[0].exportable_key.reset()), Status::skip,
                  "cert:edgepool/external", "unknown_input"},
             });
}

}  // namespace edgeplan::testing
