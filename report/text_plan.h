#pragma once
// The plan half of the text report: DNS, firewall, certificate and unknown tables.
#include <cstddef>
#include <ostream>

#include "topology/plan.h"

namespace edgeplan::report::text {

void render_plan(const topology::Plan& plan, std::ostream& out, std::size_t width = 100);

}  // namespace edgeplan::report::text
