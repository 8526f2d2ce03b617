#include "checks/certificates/no_external_wildcard.h"

#include "checks/certificates/certificate_rule_info.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& NoExternalWildcardCheck::info() const {
    static const CheckInfo kInfo = certificates::certificate_rule_info(
        topology::CertificateRule::no_external_wildcard, CheckKind::offline);
    return kInfo;
}

// PLAN-CERT, WILDCARD; A-1: fail on a wildcard SN, warn on a wildcard SAN.
std::vector<Finding> NoExternalWildcardCheck::evaluate(const CheckContext& context) const {
    return for_each_planned_certificate(
        info(), context.model, CertificateUse::external,
        [&](const EdgePool& pool, const CertificateSpec& spec, const std::string& subject,
            std::vector<Finding>& out) {
            (void)pool;
            std::vector<std::string> wild;
            for (const std::string& san : spec.sans) {
                if (is_wildcard(san)) wild.push_back(san);
            }
            if (spec.subject && is_wildcard(*spec.subject)) {
                out.push_back(make_finding(info(), Status::fail, subject,
                                           "wildcard subject name " + *spec.subject, spec.where,
                                           {{"observed", *spec.subject}}));
            } else if (!wild.empty()) {
                out.push_back(
                    make_finding(info(), Status::warn, subject,
                                 "wildcard SAN " + join(wild) + " on the external Edge certificate",
                                 spec.where, {{"cert_san", join(wild)}}));
            } else {
                out.push_back(
                    make_finding(info(), Status::pass, subject, "no wildcard names", spec.where));
            }
        });
}

}  // namespace edgeplan::checks
