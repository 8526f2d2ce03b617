// FED-07: one row per outcome (docs/checks/FED-07.md).
#include "checks/federation/allowed_domain_entries.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(AllowedDomainEntriesCheck, OneRowPerOutcome) {
    run_rows(checks::AllowedDomainEntriesCheck(), "FED-07",
             {
                 {"pass - valid allowed domain", nullptr, Status::pass, "partner:litwareinc.com"},
                 {"fail - domain listed twice",
                  EDIT(m.federation.allowed.push_back(m.federation.allowed[0])), Status::fail,
                  "partner:litwareinc.com"},
                 {"fail - domain also blocked",
                  EDIT(m.federation.blocked = {BlockedDomain{"LitwareInc.com", at(60)}}),
                  Status::fail, "partner:litwareinc.com"},
                 {"fail - domain longer than 256 characters",
                  EDIT(m.federation.allowed[0].domain = std::string(260, 'a') + ".com"),
                  Status::fail, "partner:" + std::string(256, 'a')},
                 {"skip - no allowed domain", EDIT(m.federation.allowed.clear()), Status::skip,
                  "topology", "not_applicable"},
             });
}

}  // namespace edgeplan::testing
