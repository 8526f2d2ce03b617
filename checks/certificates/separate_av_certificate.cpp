#include "checks/certificates/separate_av_certificate.h"

#include <optional>
#include <set>

#include "checks/certificates/certificate_rule_info.h"
#include "checks/certificates/usage_assignments.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;
using certificates::kAccessEdgeExternal;
using certificates::kAudioVideoAuthentication;
using certificates::server_label;
using certificates::UsageAssignment;

const CheckInfo& SeparateAvCertificateCheck::info() const {
    static const CheckInfo kInfo = certificates::certificate_rule_info(
        CertificateRule::separate_av_certificate, CheckKind::offline);
    return kInfo;
}

// PLAN-CERT, CHANGES: A/V Authentication may have its own certificate so it can be staged with
// Set-CsCertificate -Roll; then every Edge Server of the pool must hold the same one (media
// relay tokens are checked against it), so its key must be exportable. Using the external
// certificate for A/V Authentication is the default and passes.
std::vector<Finding> SeparateAvCertificateCheck::evaluate(const CheckContext& context) const {
    std::vector<Finding> findings;
    for (const EdgePool& pool : context.model.edge_pools) {
        const std::string subject = cert_subject(pool.id, CertificateUse::external);
        const certificates::PoolAssignments servers = certificates::external_assignments(pool);
        std::map<std::string, const UsageAssignment*> av_by_server;
        bool separate = false;
        for (const auto& [server, usages] : servers) {
            const auto av = usages.find(kAudioVideoAuthentication);
            if (av == usages.end()) continue;
            av_by_server[server] = &av->second;
            const auto access = usages.find(kAccessEdgeExternal);
            if (access == usages.end() || access->second.certificate != av->second.certificate) {
                separate = true;
            }
        }
        if (av_by_server.empty()) {
            findings.push_back(unknown_setting(
                info(), subject,
                "which certificate A/V Authentication is assigned to is not stated",
                Setting::edge_certificates, pool.where, certificate_names(pool.id, "external")));
            continue;
        }
        Evidence evidence;
        std::set<std::string> thumbprints;
        for (const auto& [server, av] : av_by_server) {
            thumbprints.insert(av->certificate->thumbprint);
            evidence.push_back({"observed", server_label(server) + ": AudioVideoAuthentication=" +
                                                av->certificate->thumbprint});
        }
        const UsageAssignment& first = *av_by_server.begin()->second;
        const std::string count =
            std::to_string(av_by_server.size()) +
            (av_by_server.size() == 1 ? " Edge Server export" : " Edge Server exports");
        Finding f;
        if (!separate) {
            f = make_finding(info(), Status::pass, subject,
                             "A/V Authentication uses the external certificate (no separate A/V "
                             "Authentication certificate to stage)",
                             first.where, evidence);
        } else if (thumbprints.size() > 1) {
            const UsageAssignment& second = *std::next(av_by_server.begin())->second;
            f = make_finding(info(), violation_status(info()), subject,
                             "A/V Authentication has " + std::to_string(thumbprints.size()) +
                                 " different certificates across " + count +
                                 "; a separate A/V Authentication certificate must be the same "
                                 "on every Edge Server",
                             second.where, evidence);
        } else if (first.certificate->exportable_key == false) {
            f = make_finding(info(), violation_status(info()), subject,
                             "the separate A/V Authentication certificate " +
                                 first.certificate->thumbprint +
                                 " has a key that is not exportable",
                             first.where, evidence);
        } else {
            // Get-CsCertificate does not show whether the key is exportable; CERT-EXT-12 judges
            // that from the certificate file.
            f = make_finding(info(), Status::pass, subject,
                             "one separate A/V Authentication certificate " +
                                 first.certificate->thumbprint + " on every Edge Server stated",
                             first.where, evidence);
        }
        f.evidence.push_back({"source", f.where.to_string()});
        findings.push_back(std::move(f));
    }
    return or_not_applicable(info(), std::move(findings), "no Edge pool");
}

}  // namespace edgeplan::checks
