// FED-08: one row per outcome (docs/checks/FED-08.md).
#include "checks/federation/unique_hosting_provider.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(UniqueHostingProviderCheck, OneRowPerOutcome) {
    run_rows(checks::UniqueHostingProviderCheck(), "FED-08",
             {
                 {"pass - one entry for sipfed.online.lync.com", nullptr, Status::pass,
                  "provider:LyncOnline"},
                 {"fail - two entries share a ProxyFqdn",
                  EDIT(m.federation.hosting_providers.push_back(
                      HostingProvider{"LyncOnline2", "SIPFED.online.lync.com", "", true, at(52)})),
                  Status::fail, "provider:LyncOnline"},
                 {"fail - entry without ProxyFqdn",
                  EDIT(m.federation.hosting_providers[0].proxy_fqdn.clear()), Status::fail,
                  "provider:LyncOnline"},
                 {"skip - no hosting provider", EDIT(m.federation.hosting_providers.clear()),
                  Status::skip, "topology", "not_applicable"},
             });
}

}  // namespace edgeplan::testing
