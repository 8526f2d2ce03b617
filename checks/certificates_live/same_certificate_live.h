#pragma once
// CERT-EXT-13 / CERT-INT-05 (live): every member (or VIP) of a pool presents the same certificate
// on the same service, compared by SHA-256 fingerprint; one finding per pool and service (subject
// tls-pool:POOL/ROLE). Doc: docs/checks/CERT-EXT-13.md and docs/checks/CERT-INT-05.md.
#include <memory>

#include "checks/check.h"
#include "topology/model.h"

namespace edgeplan::checks::certificates_live {

std::unique_ptr<Check> make_same_certificate_live_check(topology::CertificateUse use);

}  // namespace edgeplan::checks::certificates_live
