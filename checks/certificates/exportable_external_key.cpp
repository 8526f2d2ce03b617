#include "checks/certificates/exportable_external_key.h"

#include "checks/certificates/certificate_rule_info.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& ExportableExternalKeyCheck::info() const {
    static const CheckInfo kInfo = certificates::certificate_rule_info(
        topology::CertificateRule::exportable_external_key, CheckKind::offline);
    return kInfo;
}

// CR-EXT, CS-S3/S4/S5; A-5: fail for pools, warn for a single Edge.
std::vector<Finding> ExportableExternalKeyCheck::evaluate(const CheckContext& context) const {
    return for_each_planned_certificate(
        info(), context.model, CertificateUse::external,
        [&](const EdgePool& pool, const CertificateSpec& spec, const std::string& subject,
            std::vector<Finding>& out) {
            if (!spec.exportable_key) {
                out.push_back(unknown_key_fact(
                    info(), subject, "whether the private key is exportable is not stated", pool,
                    spec));
                return;
            }
            const Status violation = is_pool(pool) ? Status::fail : Status::warn;
            out.push_back(make_finding(
                info(), *spec.exportable_key ? Status::pass : violation, subject,
                *spec.exportable_key ? "private key is exportable"
                                     : std::string("private key is not exportable (") +
                                           (is_pool(pool) ? "pool" : "single Edge") + ")",
                key_facts_where(spec), {{"expected", "exportable"}}));
        });
}

}  // namespace edgeplan::checks
