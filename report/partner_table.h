#pragma once
// The partner table of `edgeplan partners` (report.h Report::partners): one row per partner,
// failing first. Kept apart from the finding renderers, which call these when there are rows.
#include <cstddef>
#include <ostream>
#include <vector>

#include <nlohmann/json.hpp>

#include "checks/partners/partner_rules.h"

namespace edgeplan::report {

// "Partners" section: domain, kind, SRV target, addresses, port, TLS, certificate expiry,
// verdict (and the verdict's reason); no line wider than `width` (TextOptions::width).
void render_partner_table_text(const std::vector<checks::partners::PartnerRow>& rows,
                               std::ostream& out, std::size_t width);

// The "partners" array of the JSON report (docs/schema/report.schema.json).
nlohmann::json partners_to_json(const std::vector<checks::partners::PartnerRow>& rows);

}  // namespace edgeplan::report
