#pragma once
// The live variant of the certificate rules (kind tls, or xmpp for CERT-XMPP-*): the chain each
// endpoint presented (tls_targets.h) is judged by evaluate_certificate, the same function that
// judges certificate files, one finding per endpoint (subject tls:ADDR:PORT / xmpp:ADDR:PORT).
// IDs: CERT-EXT-01..05, 08, 09, 10, 16, 20, 21 (16/20/21 also on the internal endpoints),
// CERT-INT-01..04, CERT-XMPP-01, CERT-XMPP-03. Docs: docs/checks/<ID>.md.
#include <memory>
#include <string>

#include "checks/check.h"

namespace edgeplan::checks::certificates_live {

// Throws std::invalid_argument for a rule without a row in certificate_rule_info.cpp.
std::unique_ptr<Check> make_certificate_rule_live_check(topology::CertificateRule rule);

}  // namespace edgeplan::checks::certificates_live
