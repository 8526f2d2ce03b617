#pragma once
// CERT-EXT-22 (live): the Edge TLS endpoints refuse a handshake that offers only TLS 1.0/1.1 (RFC
// 8996); accepted is a warning. Doc: docs/checks/CERT-EXT-22.md.
#include <memory>

#include "checks/check.h"

namespace edgeplan::checks::certificates_live {

std::unique_ptr<Check> make_legacy_tls_live_check();

}  // namespace edgeplan::checks::certificates_live
