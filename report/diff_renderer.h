#pragma once
// Output formats of `edgeplan diff` (docs/diff-format.md): text for a reviewer, JSON
// (docs/schema/diff.schema.json) for CI. They see only the DiffReport.
#include <nlohmann/json.hpp>
#include <ostream>

#include "report/plan_diff.h"

namespace edgeplan::report {

void render_diff_text(const DiffReport& report, std::ostream& out);
nlohmann::json diff_to_json(const DiffReport& report);

}  // namespace edgeplan::report
