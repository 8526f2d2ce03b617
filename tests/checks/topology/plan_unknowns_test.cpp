// TOPO-13: one row per outcome (docs/checks/TOPO-13.md).
#include "checks/topology/plan_unknowns.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(PlanUnknownsCheck, OneRowPerOutcome) {
    run_rows(
        checks::PlanUnknownsCheck(), "TOPO-13",
        {
            {"pass - the plan has no unknowns", nullptr, Status::pass, "topology"},
            {"warn - public A/V address unknown",
             EDIT(p.unknowns.push_back(Unknown{"public A/V address of edge01.contoso.net", "NAT-05",
                                               "member:edge01.contoso.net", at(29)})),
             Status::warn, "unknown:NAT-05:member:edge01.contoso.net"},
            {"warn - a second missing fact of one element is numbered",
             EDIT(p.unknowns.push_back(Unknown{"a", "NAT-05", "pool:edgepool", {}});
                  p.unknowns.push_back(Unknown{"b", "NAT-05", "pool:edgepool", {}})),
             Status::warn, "unknown:NAT-05:pool:edgepool#2"},
        });
}

}  // namespace edgeplan::testing
