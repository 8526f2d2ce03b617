#include "checks/certificates/access_fqdn_in_san.h"

#include "checks/certificates/certificate_rule_info.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& AccessFqdnInSanCheck::info() const {
    static const CheckInfo kInfo = certificates::certificate_rule_info(
        topology::CertificateRule::access_fqdn_san, CheckKind::offline);
    return kInfo;
}

// CR-EXT, CS-*: TLS validates the SAN, not the SN, so the SN must be repeated in the SAN.
std::vector<Finding> AccessFqdnInSanCheck::evaluate(const CheckContext& context) const {
    return for_each_planned_certificate(
        info(), context.model, CertificateUse::external,
        [&](const EdgePool& pool, const CertificateSpec& spec, const std::string& subject,
            std::vector<Finding>& out) {
            const std::string& fqdn = pool.access.fqdn;
            if (fqdn.empty()) {
                out.push_back(unknown_input(info(), subject, "the Access Edge FQDN is not stated",
                                            spec.where));
                return;
            }
            std::vector<std::string> missing;
            if (!contains_name(spec.sans, fqdn)) missing.push_back(fqdn);
            if (spec.subject && !contains_name(spec.sans, *spec.subject) &&
                !iequals(*spec.subject, fqdn))
                missing.push_back(*spec.subject);
            Evidence evidence{{"expected", fqdn}};
            for (const std::string& san : spec.sans) evidence.emplace_back("cert_san", san);
            out.push_back(make_finding(
                info(), missing.empty() ? Status::pass : Status::fail, subject,
                missing.empty() ? "SAN list contains " + fqdn : "SAN list lacks " + join(missing),
                spec.where, std::move(evidence)));
        });
}

}  // namespace edgeplan::checks
