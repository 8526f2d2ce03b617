// PIC-07: one row per outcome (docs/checks/PIC-07.md).
#include "checks/pic/pic_dns_lb_failover.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(PicDnsLbFailoverCheck, OneRowPerOutcome) {
    run_rows(checks::PicDnsLbFailoverCheck(), "PIC-07",
             {
                 {"warn - public IM through a DNS load-balanced pool",
                  EDIT(m.federation.public_providers = {provider(PublicProviderKind::skype, true,
                                                                 "federation.messenger.msn.com")}),
                  Status::warn, "pool:edgepool"},
                 {"pass - public IM through a hardware load-balanced pool",
                  EDIT(m.federation.public_providers = {provider(PublicProviderKind::skype, true,
                                                                 "federation.messenger.msn.com")}),
                  Status::pass, "pool:edgepool", "", s5_model},
                 {"skip - public IM not used", nullptr, Status::skip, "topology", "not_applicable"},
             });
}

}  // namespace edgeplan::testing
