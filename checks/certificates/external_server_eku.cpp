#include "checks/certificates/external_server_eku.h"

#include "checks/certificates/server_eku_rule.h"
#include "checks/citations.h"

namespace edgeplan::checks {

const CheckInfo& ExternalServerEkuCheck::info() const {
    static const CheckInfo kInfo{"CERT-EXT-09",
                                 "The external Edge certificate has the Server Authentication EKU",
                                 "certificates",
                                 CheckKind::offline,
                                 Severity::must,
                                 {"S1", "S2", "S3", "S4", "S5"},
                                 {cite("CR-EXT"), cite("CS-S1")},
                                 "Request the external certificate from a template with Server "
                                 "Authentication (1.3.6.1.5.5.7.3.1)"};
    return kInfo;
}

// CR-EXT, CS-*.
std::vector<Finding> ExternalServerEkuCheck::evaluate(const CheckContext& context) const {
    return server_eku_findings(info(), context.model, topology::CertificateUse::external);
}

}  // namespace edgeplan::checks
