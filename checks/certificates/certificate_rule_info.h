#pragma once
// The certificate rules as data: one row per requirement (topology::CertificateRule) with its
// metadata, shared by the planned check (kind offline), the file variant (offline) and the live
// variant (kind tls / xmpp) of the rule, so every variant of an ID describes the same
// requirement. Docs: docs/checks/<ID>.md, section "Live and file variant".
#include "checks/check.h"

namespace edgeplan::checks::certificates {

// The row for `rule` with the given kind. Throws std::invalid_argument for a rule without a row.
CheckInfo certificate_rule_info(topology::CertificateRule rule, CheckKind kind);

}  // namespace edgeplan::checks::certificates
