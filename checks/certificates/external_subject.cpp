#include "checks/certificates/external_subject.h"

#include "checks/certificates/certificate_rule_info.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& ExternalSubjectCheck::info() const {
    static const CheckInfo kInfo = certificates::certificate_rule_info(
        topology::CertificateRule::external_subject, CheckKind::offline);
    return kInfo;
}

// CR-EXT, WILDCARD: a wildcard SN is never supported (fail); SN != Access Edge FQDN is only
// recommended against since Lync 2013 (warn, A-4).
std::vector<Finding> ExternalSubjectCheck::evaluate(const CheckContext& context) const {
    return for_each_planned_certificate(
        info(), context.model, CertificateUse::external,
        [&](const EdgePool& pool, const CertificateSpec& spec, const std::string& subject,
            std::vector<Finding>& out) {
            (void)pool;
            if (!spec.subject || pool.access.fqdn.empty()) {
                out.push_back(unknown_input(info(), subject,
                                            "the planned subject name or the Access Edge FQDN is "
                                            "not stated",
                                            spec.where));
                return;
            }
            const Evidence evidence{{"expected", pool.access.fqdn}, {"observed", *spec.subject}};
            if (is_wildcard(*spec.subject)) {
                out.push_back(make_finding(info(), Status::fail, subject,
                                           "wildcard subject name " + *spec.subject, spec.where,
                                           evidence));
            } else if (!iequals(*spec.subject, pool.access.fqdn)) {
                out.push_back(make_finding(
                    info(), Status::warn, subject,
                    "subject " + *spec.subject + " is not the Access Edge FQDN " + pool.access.fqdn,
                    spec.where, evidence));
            } else {
                out.push_back(make_finding(info(), Status::pass, subject,
                                           "subject is the Access Edge FQDN", spec.where,
                                           evidence));
            }
        });
}

}  // namespace edgeplan::checks
