#include "checks/certificates/xmpp_external_certificates.h"

#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

std::vector<Finding> for_each_xmpp_external_certificate(const CheckInfo& info, const Model& model,
                                                        const XmppCertificateJudge& judge) {
    const auto pools = xmpp_pools(model);
    if (pools.empty()) return {not_applicable(info, "no Edge pool carries XMPP federation")};
    std::vector<Finding> findings;
    for (const EdgePool* pool : pools) {
        const std::string subject = cert_subject(pool->id, CertificateUse::external);
        const CertificateSpec* spec = find_certificate(*pool, CertificateUse::external);
        if (spec == nullptr) {
            findings.push_back(unknown_setting(
                info, subject, "the topology describes no external certificate",
                Setting::edge_certificates, pool->where, certificate_names(pool->id, "external")));
        } else if (model.xmpp_domains.empty()) {
            findings.push_back(
                unknown_input(info, subject, "no XMPP domain is stated", pool->where));
        } else if (!spec->file.empty()) {
            findings.push_back(needs_certificate_probe(info, subject, *spec));
        } else {
            findings.push_back(judge(*spec, subject));
        }
    }
    return findings;
}

}  // namespace edgeplan::checks
