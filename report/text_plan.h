#pragma once
// The plan half of the text report: DNS, firewall, certificate and unknown tables, each row with
// a FINDINGS cell naming every finding about it (plan_verification.h), so the tables say which
// planned items the run judged and how, not only what the topology requires.
#include <cstddef>
#include <ostream>

#include "report/report.h"

namespace edgeplan::report::text {

void render_plan(const Report& report, std::ostream& out, std::size_t width = 100);

}  // namespace edgeplan::report::text
