#include "checks/certificates/internal_wildcard.h"

#include "checks/certificates/certificate_rule_info.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& InternalWildcardCheck::info() const {
    static const CheckInfo kInfo = certificates::certificate_rule_info(
        topology::CertificateRule::internal_wildcard, CheckKind::offline);
    return kInfo;
}

// CR-EXT, WILDCARD; A-1: a wildcard SN is not supported for any role, a wildcard SAN is allowed
// internally.
std::vector<Finding> InternalWildcardCheck::evaluate(const CheckContext& context) const {
    return for_each_planned_certificate(
        info(), context.model, CertificateUse::internal,
        [&](const EdgePool& pool, const CertificateSpec& spec, const std::string& subject,
            std::vector<Finding>& out) {
            (void)pool;
            if (spec.subject && is_wildcard(*spec.subject)) {
                out.push_back(make_finding(info(), Status::fail, subject,
                                           "wildcard subject name " + *spec.subject, spec.where,
                                           {{"observed", *spec.subject}}));
                return;
            }
            bool wild_san = false;
            for (const std::string& san : spec.sans) wild_san = wild_san || is_wildcard(san);
            out.push_back(make_finding(info(), Status::pass, subject,
                                       wild_san ? "wildcard SAN is allowed on the internal "
                                                  "certificate (of little value)"
                                                : "no wildcard subject name",
                                       spec.where));
        });
}

}  // namespace edgeplan::checks
