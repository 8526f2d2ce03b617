// LB-10: one row per outcome (docs/checks/LB-10.md).
#include "checks/load_balancing/hlb_av_routable.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(HlbAvRoutableCheck, OneRowPerOutcome) {
    run_rows(
        checks::HlbAvRoutableCheck(), "LB-10",
        {
            {"pass - routable A/V address without NAT", nullptr, Status::pass,
             "member:edge01.contoso.net", "", s5_model},
            {"fail - private A/V address",
             EDIT(m.edge_pools[0].members[0].av.ips = {"10.45.16.30"}), Status::fail,
             "member:edge01.contoso.net", "", s5_model},
            {"fail - A/V address translated",
             EDIT(m.edge_pools[0].members[0].av.public_ips = {"131.107.155.99"}), Status::fail,
             "member:edge01.contoso.net", "", s5_model},
            {"skip - A/V address not stated", EDIT(m.edge_pools[0].members[0].av.ips.clear()),
             Status::skip, "member:edge01.contoso.net", "unknown_input", s5_model},
            {"skip - DNS load-balanced pool", nullptr, Status::skip, "topology", "not_applicable"},
        });
}

}  // namespace edgeplan::testing
