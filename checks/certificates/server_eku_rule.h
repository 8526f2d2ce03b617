#pragma once
// The Server Authentication EKU rule, shared by CERT-EXT-09 (external certificate) and
// CERT-INT-04 (internal certificate): the same judgement over a different certificate use.
#include <vector>

#include "checks/check.h"
#include "topology/model.h"

namespace edgeplan::checks {

// One finding per Edge pool's planned `use` certificate: pass or fail on its server EKU, or
// unknown when the input does not say.
std::vector<Finding> server_eku_findings(const CheckInfo& info, const topology::Model& model,
                                         topology::CertificateUse use);

}  // namespace edgeplan::checks
