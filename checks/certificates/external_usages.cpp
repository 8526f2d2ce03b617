#include "checks/certificates/external_usages.h"

#include <optional>
#include <set>

#include "checks/certificates/certificate_rule_info.h"
#include "checks/certificates/usage_assignments.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;
using certificates::kAccessEdgeExternal;
using certificates::kAudioVideoAuthentication;
using certificates::kDataEdgeExternal;
using certificates::server_label;
using certificates::UsageAssignment;

const CheckInfo& ExternalUsagesCheck::info() const {
    static const CheckInfo kInfo =
        certificates::certificate_rule_info(CertificateRule::external_usages, CheckKind::offline);
    return kInfo;
}

namespace {

std::string usages_text(const std::map<std::string, UsageAssignment>& usages) {
    std::string text;
    for (const char* usage : {kAccessEdgeExternal, kDataEdgeExternal, kAudioVideoAuthentication}) {
        const auto it = usages.find(usage);
        if (!text.empty()) text += ' ';
        text += std::string(usage) + "=" +
                (it == usages.end() ? std::string("none") : it->second.certificate->thumbprint);
    }
    return text;
}

}  // namespace

// PLAN-CERT, SETUP-EXTCERT: Get-CsCertificate on each Edge Server shows which certificate each
// usage has. Access Edge and Web Conferencing External must share one certificate and A/V
// Authentication must have one; a separate A/V Authentication certificate is the option
// CERT-EXT-15 judges, so it does not fail this rule.
std::vector<Finding> ExternalUsagesCheck::evaluate(const CheckContext& context) const {
    std::vector<Finding> findings;
    for (const EdgePool& pool : context.model.edge_pools) {
        const std::string subject = cert_subject(pool.id, CertificateUse::external);
        const certificates::PoolAssignments servers = certificates::external_assignments(pool);
        if (servers.empty()) {
            findings.push_back(unknown_setting(
                info(), subject,
                "which certificate each external usage is assigned to is not stated",
                Setting::edge_certificates, pool.where, certificate_names(pool.id, "external")));
            continue;
        }
        std::vector<std::string> problems;
        std::optional<SourceLocation> problem_where;
        std::optional<SourceLocation> first_where;
        bool separate_av = false;
        std::set<std::string> thumbprints;
        Evidence evidence{{"expected",
                           "one certificate on AccessEdgeExternal, DataEdgeExternal "
                           "and AudioVideoAuthentication"}};
        for (const auto& entry : servers) {
            // Not a structured binding: the lambda below captures it.
            const std::string& server = entry.first;
            const std::map<std::string, UsageAssignment>& usages = entry.second;
            const auto find = [&](const char* usage) -> const UsageAssignment* {
                const auto it = usages.find(usage);
                return it == usages.end() ? nullptr : &it->second;
            };
            const UsageAssignment* access = find(kAccessEdgeExternal);
            const UsageAssignment* data = find(kDataEdgeExternal);
            const UsageAssignment* av = find(kAudioVideoAuthentication);
            const UsageAssignment* any = access ? access : data ? data : av;
            if (any && !first_where) first_where = any->where;
            evidence.push_back({"observed", server_label(server) + ": " + usages_text(usages)});
            std::vector<std::string> missing;
            if (!access) missing.push_back(kAccessEdgeExternal);
            if (!data) missing.push_back(kDataEdgeExternal);
            if (!av) missing.push_back(kAudioVideoAuthentication);
            if (!missing.empty()) {
                problems.push_back(server_label(server) + " has no certificate on " +
                                   strings::join(missing, ", "));
                if (!problem_where && any) problem_where = any->where;
            }
            if (access && data && access->certificate != data->certificate) {
                problems.push_back(server_label(server) + " has " +
                                   access->certificate->thumbprint + " on AccessEdgeExternal but " +
                                   data->certificate->thumbprint + " on DataEdgeExternal");
                if (!problem_where) problem_where = data->where;
            }
            if (access && av && access->certificate != av->certificate) separate_av = true;
            if (access) thumbprints.insert(access->certificate->thumbprint);
        }
        if (!problems.empty()) {
            Finding f = make_finding(
                info(), Status::fail, subject,
                "external usages not on one certificate: " + strings::join(problems, "; "),
                problem_where.value_or(pool.where), evidence);
            f.evidence.push_back({"source", f.where.to_string()});
            findings.push_back(std::move(f));
            continue;
        }
        std::string message =
            separate_av ? "AccessEdgeExternal and DataEdgeExternal share one certificate and "
                          "AudioVideoAuthentication has its own (a separate A/V Authentication "
                          "certificate is judged by CERT-EXT-15)"
                        : "one certificate on AccessEdgeExternal, DataEdgeExternal and "
                          "AudioVideoAuthentication";
        if (thumbprints.size() == 1) message += " (thumbprint " + *thumbprints.begin() + ")";
        Finding f = make_finding(info(), Status::pass, subject, message,
                                 first_where.value_or(pool.where), evidence);
        f.evidence.push_back({"source", f.where.to_string()});
        findings.push_back(std::move(f));
    }
    return or_not_applicable(info(), std::move(findings), "no Edge pool");
}

}  // namespace edgeplan::checks
