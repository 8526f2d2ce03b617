#include "checks/certificates/internal_subject.h"

#include "checks/certificates/certificate_rule_info.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& InternalSubjectCheck::info() const {
    static const CheckInfo kInfo = certificates::certificate_rule_info(
        topology::CertificateRule::internal_subject, CheckKind::offline);
    return kInfo;
}

// CR-EXT, CS-S1...S5: SN = internal pool FQDN or HLB internal VIP FQDN.
std::vector<Finding> InternalSubjectCheck::evaluate(const CheckContext& context) const {
    return for_each_planned_certificate(
        info(), context.model, CertificateUse::internal,
        [&](const EdgePool& pool, const CertificateSpec& spec, const std::string& subject,
            std::vector<Finding>& out) {
            if (!spec.subject || pool.internal_fqdn.empty()) {
                out.push_back(unknown_input(info(), subject,
                                            "the planned subject or the pool internal FQDN is not "
                                            "stated",
                                            spec.where));
                return;
            }
            std::vector<std::string> accepted{pool.internal_fqdn};
            if (pool.vips && !pool.vips->internal_fqdn.empty()) {
                accepted.push_back(pool.vips->internal_fqdn);
            }
            const bool ok = !is_wildcard(*spec.subject) && contains_name(accepted, *spec.subject);
            out.push_back(make_finding(
                info(), ok ? Status::pass : Status::fail, subject,
                ok ? "subject is the internal pool FQDN"
                   : "subject " + *spec.subject + " is not " + join(accepted, " or "),
                spec.where, {{"expected", join(accepted, " or ")}, {"observed", *spec.subject}}));
        });
}

}  // namespace edgeplan::checks
