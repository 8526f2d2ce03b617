#include "checks/certificates/same_external_certificate.h"

#include "checks/certificates/certificate_rule_info.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& SameExternalCertificateCheck::info() const {
    static const CheckInfo kInfo = certificates::certificate_rule_info(
        topology::CertificateRule::same_external_certificate, CheckKind::offline);
    return kInfo;
}

// CR-EXT, PLAN-CERT: one certificate and key for the pool. The model plans certificates per pool,
// not per member, and holds no thumbprints: a pool planning two different external certificates
// fails; one planned certificate passes; per-member thumbprints are compared by the live TLS check.
std::vector<Finding> SameExternalCertificateCheck::evaluate(const CheckContext& context) const {
    std::vector<Finding> findings;
    for (const EdgePool& pool : context.model.edge_pools) {
        if (!is_pool(pool)) continue;
        const std::string subject = cert_subject(pool.id, CertificateUse::external);
        std::vector<const CertificateSpec*> specs;
        for (const CertificateSpec& spec : pool.certificates) {
            if (spec.use == CertificateUse::external) specs.push_back(&spec);
        }
        if (specs.empty()) {
            findings.push_back(unknown_setting(
                info(), subject, "the topology describes no external certificate",
                Setting::edge_certificates, pool.where, certificate_names(pool.id, "external")));
        } else if (specs.size() > 1) {
            findings.push_back(make_finding(info(), Status::fail, subject,
                                            std::to_string(specs.size()) +
                                                " different external certificates planned for "
                                                "one pool",
                                            specs[1]->where));
        } else if (!specs.front()->file.empty()) {
            findings.push_back(make_skip(info(), subject, "needs_certificate_probe",
                                         "member thumbprints are compared by the certificate "
                                         "probe",
                                         specs.front()->where));
        } else {
            findings.push_back(make_finding(info(), Status::pass, subject,
                                            "one external certificate planned for all " +
                                                std::to_string(pool.members.size()) + " members",
                                            specs.front()->where,
                                            {{"observed", std::to_string(pool.members.size())}}));
        }
    }
    return or_not_applicable(info(), std::move(findings), "no scaled Edge pool");
}

}  // namespace edgeplan::checks
