#include "checks/certificates/server_eku_rule.h"

#include "checks/offline_support.h"

namespace edgeplan::checks {

std::vector<Finding> server_eku_findings(const CheckInfo& info, const topology::Model& model,
                                         topology::CertificateUse use) {
    return for_each_planned_certificate(
        info, model, use,
        [&](const topology::EdgePool& pool, const topology::CertificateSpec& spec,
            const std::string& subject, std::vector<Finding>& out) {
            if (!spec.server_eku) {
                out.push_back(unknown_key_fact(
                    info, subject,
                    "whether the certificate has the server authentication EKU is not stated", pool,
                    spec));
                return;
            }
            out.push_back(
                make_finding(info, *spec.server_eku ? Status::pass : Status::fail, subject,
                             *spec.server_eku ? "certificate has the server authentication EKU"
                                              : "certificate lacks the server authentication EKU",
                             key_facts_where(spec), {{"expected", "server authentication EKU"}}));
        });
}

}  // namespace edgeplan::checks
