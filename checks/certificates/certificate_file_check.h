#pragma once
// The file variant of the certificate rules (kind offline, so `edgeplan plan` runs it too):
// every certificate file read for the run (CheckContext::certificates) is judged by the same
// functions as a live chain (certificate_rules.h), subject file:PATH. Docs: the "Live and file
// variant" section of docs/checks/<ID>.md.
#include <memory>
#include <string>
#include <vector>

#include "checks/check.h"

namespace edgeplan::checks::certificates {

// The findings of `rule` for every certificate file of the run (none without files).
std::vector<Finding> certificate_file_findings(const CheckInfo& info,
                                               topology::CertificateRule rule,
                                               const CheckContext& context);

// A planned-certificate check (offline) that also judges certificate files: its own findings,
// less the "needs_certificate_probe" skip of a pool whose file was read, plus the file findings.
std::unique_ptr<Check> with_certificate_files(topology::CertificateRule rule,
                                              std::unique_ptr<Check> planned);

// The offline entry of a rule that only a certificate file (or a live chain) can answer:
// CERT-EXT-01, -16, -20, -21, CERT-INT-01.
std::unique_ptr<Check> make_certificate_file_check(topology::CertificateRule rule);

}  // namespace edgeplan::checks::certificates
