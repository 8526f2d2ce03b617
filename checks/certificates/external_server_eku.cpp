#include "checks/certificates/external_server_eku.h"

#include "checks/certificates/certificate_rule_info.h"
#include "checks/certificates/server_eku_rule.h"

namespace edgeplan::checks {

const CheckInfo& ExternalServerEkuCheck::info() const {
    static const CheckInfo kInfo = certificates::certificate_rule_info(
        topology::CertificateRule::external_server_eku, CheckKind::offline);
    return kInfo;
}

// CR-EXT, CS-*.
std::vector<Finding> ExternalServerEkuCheck::evaluate(const CheckContext& context) const {
    return server_eku_findings(info(), context.model, topology::CertificateUse::external);
}

}  // namespace edgeplan::checks
