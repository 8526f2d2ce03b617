#include "checks/certificates/external_server_eku.h"

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

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
    return for_each_planned_certificate(
        info(), context.model, CertificateUse::external,
        [&](const EdgePool& pool, const CertificateSpec& spec, const std::string& subject,
            std::vector<Finding>& out) {
            (void)pool;
            if (!spec.server_eku) {
                out.push_back(unknown_input(
                    info(), subject,
                    "whether the certificate has the server authentication EKU is not stated",
                    spec.where));
                return;
            }
            out.push_back(
                make_finding(info(), *spec.server_eku ? Status::pass : Status::fail, subject,
                             *spec.server_eku ? "certificate has the server authentication EKU"
                                              : "certificate lacks the server authentication EKU",
                             spec.where, {{"expected", "server authentication EKU"}}));
        });
}

}  // namespace edgeplan::checks
