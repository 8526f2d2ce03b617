#include "checks/certificates/internal_server_eku.h"

#include "checks/certificates/server_eku_rule.h"
#include "checks/citations.h"

namespace edgeplan::checks {

const CheckInfo& InternalServerEkuCheck::info() const {
    static const CheckInfo kInfo{
        "CERT-INT-04",
        "The internal Edge certificate has the Server Authentication EKU",
        "certificates",
        CheckKind::offline,
        Severity::must,
        {"S1", "S2", "S3", "S4", "S5"},
        {cite("CS-S1"), cite("CS-S3")},
        "Request the internal certificate from a template with Server Authentication"};
    return kInfo;
}

// CS-S1...S5: "Must contain server EKU".
std::vector<Finding> InternalServerEkuCheck::evaluate(const CheckContext& context) const {
    return server_eku_findings(info(), context.model, topology::CertificateUse::internal);
}

}  // namespace edgeplan::checks
