// DNS-NAME-01: one row per outcome (docs/checks/DNS-NAME-01.md).
#include "checks/dns/fqdn_characters.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(FqdnCharactersCheck, OneRowPerOutcome) {
    run_rows(
        checks::FqdnCharactersCheck(), "DNS-NAME-01",
        {
            {"pass - standard member FQDN", nullptr, Status::pass, "member:edge01.contoso.net"},
            {"fail - underscore in a member FQDN",
             EDIT(m.edge_pools[0].members[0].internal_fqdn = "edge_01.contoso.net"), Status::fail,
             "member:edge_01.contoso.net"},
            {"fail - non-ASCII character in the Access FQDN",
             EDIT(m.edge_pools[0].access.fqdn = "s\xc3\xafp.contoso.com"), Status::fail,
             "pool:edgepool"},
            {"fail - single-label Front End pool name", EDIT(m.internal_pools[0].fqdn = "pool01"),
             Status::fail, "pool:pool01"},
            {"fail - label ends with a hyphen",
             EDIT(m.internal_pools[0].servers[0].fqdn = "fe01-.contoso.net"), Status::fail,
             "pool:pool01"},
            {"skip - the topology names no server",
             EDIT(m.internal_pools.clear(); m.edge_pools.clear()), Status::skip, "topology",
             "not_applicable"},
        });
}

}  // namespace edgeplan::testing
