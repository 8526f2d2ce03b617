#include "checks/certificates/webconf_fqdn_in_san.h"

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& WebconfFqdnInSanCheck::info() const {
    static const CheckInfo kInfo{
        "CERT-EXT-04",
        "The external certificate SAN list contains the Web Conferencing Edge external FQDN",
        "certificates",
        CheckKind::offline,
        Severity::must,
        {"S1", "S2", "S3", "S4", "S5"},
        {cite("CR-EXT"), cite("SETUP-EXTCERT"), cite("CS-S1")},
        "Add the Web Conferencing Edge FQDN to the certificate SAN list"};
    return kInfo;
}

// CR-EXT, SETUP-EXTCERT.
std::vector<Finding> WebconfFqdnInSanCheck::evaluate(const CheckContext& context) const {
    return for_each_planned_certificate(
        info(), context.model, CertificateUse::external,
        [&](const EdgePool& pool, const CertificateSpec& spec, const std::string& subject,
            std::vector<Finding>& out) {
            const std::string& fqdn = pool.webconf.fqdn;
            if (fqdn.empty()) {
                out.push_back(unknown_input(
                    info(), subject, "the Web Conferencing Edge FQDN is not stated", spec.where));
                return;
            }
            std::vector<std::string> missing;
            if (!contains_name(spec.sans, fqdn)) missing.push_back(fqdn);

            Evidence evidence{{"expected", fqdn}};
            for (const std::string& san : spec.sans) evidence.emplace_back("cert_san", san);
            out.push_back(make_finding(
                info(), missing.empty() ? Status::pass : Status::fail, subject,
                missing.empty() ? "SAN list contains " + fqdn : "SAN list lacks " + join(missing),
                spec.where, std::move(evidence)));
        });
}

}  // namespace edgeplan::checks
