#pragma once
// CERT-CROSS-01 (live): every external FQDN of the pool resolves in the external DNS and is on the
// certificate each external endpoint presents. Doc: docs/checks/CERT-CROSS-01.md.
#include <memory>

#include "checks/check.h"

namespace edgeplan::checks::certificates_live {

std::unique_ptr<Check> make_cross_names_live_check();

}  // namespace edgeplan::checks::certificates_live
