#include "checks/certificates/internal_server_eku.h"

#include "checks/certificates/certificate_rule_info.h"
#include "checks/certificates/server_eku_rule.h"

namespace edgeplan::checks {

const CheckInfo& InternalServerEkuCheck::info() const {
    static const CheckInfo kInfo = certificates::certificate_rule_info(
        topology::CertificateRule::internal_server_eku, CheckKind::offline);
    return kInfo;
}

// CS-S1...S5: "Must contain server EKU".
std::vector<Finding> InternalServerEkuCheck::evaluate(const CheckContext& context) const {
    return server_eku_findings(info(), context.model, topology::CertificateUse::internal);
}

}  // namespace edgeplan::checks
