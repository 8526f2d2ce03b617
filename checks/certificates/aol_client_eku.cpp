#include "checks/certificates/aol_client_eku.h"

#include "checks/certificates/certificate_rule_info.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& AolClientEkuCheck::info() const {
    static const CheckInfo kInfo = certificates::certificate_rule_info(
        topology::CertificateRule::aol_client_eku, CheckKind::offline);
    return kInfo;
}

// CS-FED, CS-PIC, PLAN-PIC: AOL requires client EKU on every Access Edge certificate.
std::vector<Finding> AolClientEkuCheck::evaluate(const CheckContext& context) const {
    if (enabled_provider(context.model, PublicProviderKind::aol) == nullptr) {
        return {not_applicable(info(), "the AOL public provider is not enabled")};
    }
    return for_each_planned_certificate(
        info(), context.model, CertificateUse::external,
        [&](const EdgePool& pool, const CertificateSpec& spec, const std::string& subject,
            std::vector<Finding>& out) {
            (void)pool;
            if (!spec.client_eku) {
                out.push_back(unknown_input(
                    info(), subject,
                    "whether the certificate has the client authentication EKU is not stated",
                    spec.where));
                return;
            }
            out.push_back(
                make_finding(info(), *spec.client_eku ? Status::pass : Status::fail, subject,
                             *spec.client_eku ? "certificate has the client authentication EKU"
                                              : "certificate lacks the client authentication EKU",
                             spec.where, {{"expected", "client authentication EKU"}}));
        });
}

}  // namespace edgeplan::checks
