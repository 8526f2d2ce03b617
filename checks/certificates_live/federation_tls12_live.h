#pragma once
// FED-13 (live): the Access Edge federation port (5061) speaks TLS 1.2 or later, which
// Microsoft 365 / Teams federation requires. Doc: docs/checks/FED-13.md.
#include <memory>

#include "checks/check.h"

namespace edgeplan::checks::certificates_live {

std::unique_ptr<Check> make_federation_tls12_live_check();

}  // namespace edgeplan::checks::certificates_live
