// LB-09: one row per outcome (docs/checks/LB-09.md).
#include "checks/load_balancing/av_real_address.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(AvRealAddressCheck, OneRowPerOutcome) {
    run_rows(
        checks::AvRealAddressCheck(), "LB-09",
        {
            {"pass - A/V Edge has its own address", nullptr, Status::pass,
             "member:edge01.contoso.net", "", s5_model},
            {"fail - A/V Edge address is the A/V VIP",
             EDIT(m.edge_pools[0].members[0].av.ips = {"131.107.155.30"}), Status::fail,
             "member:edge01.contoso.net", "", s5_model},
            {"skip - VIPs not stated", EDIT(m.edge_pools[0].vips.reset()), Status::skip,
             "member:edge01.contoso.net", "unknown_input", s5_model},
            {"skip - DNS load-balanced pool", nullptr, Status::skip, "topology", "not_applicable"},
        });
}

}  // namespace edgeplan::testing
