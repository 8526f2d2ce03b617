#pragma once
// Metadata of the certificate rules that run on certificate files and live endpoints
// (certificate_rules.h), one row per rule ID, so the file variant (kind offline) and the live
// variant (kind tls / xmpp) of an ID describe the same requirement. Docs: docs/checks/<ID>.md,
// section "Live and file variant".
#include <string>
#include <vector>

#include "checks/check.h"

namespace edgeplan::checks::certificates {

// The row for `id` with the given kind. Throws std::invalid_argument for an ID without a row.
CheckInfo certificate_rule_info(const std::string& id, CheckKind kind);

// Every ID with a row, sorted.
std::vector<std::string> certificate_rule_ids();

}  // namespace edgeplan::checks::certificates
