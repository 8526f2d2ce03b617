#include "checks/certificates/xmpp_domains_in_san.h"

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& XmppDomainsInSanCheck::info() const {
    static const CheckInfo kInfo{
        "CERT-XMPP-01",
        "With XMPP federation, the Access Edge certificate has a SAN for each XMPP domain (or its "
        "root domain)",
        "certificates",
        CheckKind::offline,
        Severity::must,
        {"XMPP"},
        {cite("CS-FED"), cite("CS-XMPP")},
        "Add each XMPP domain (e.g. contoso.com) to the external certificate SAN list"};
    return kInfo;
}

// CS-FED, CS-XMPP: the root domain covers its child domains.
std::vector<Finding> XmppDomainsInSanCheck::evaluate(const CheckContext& context) const {
    const Model& model = context.model;
    const auto pools = xmpp_pools(model);
    if (pools.empty()) return {not_applicable(info(), "no Edge pool carries XMPP federation")};
    std::vector<Finding> findings;
    for (const EdgePool* pool : pools) {
        const std::string subject = cert_subject(pool->id, CertificateUse::external);
        const CertificateSpec* spec = find_certificate(*pool, CertificateUse::external);
        if (spec == nullptr || model.xmpp_domains.empty()) {
            findings.push_back(unknown_input(info(), subject,
                                             spec == nullptr
                                                 ? "the topology describes no external certificate"
                                                 : "no XMPP domain is stated",
                                             pool->where));
            continue;
        }
        if (!spec->file.empty()) {
            findings.push_back(
                make_skip(info(), subject, "needs_certificate_probe",
                          "certificate file " + spec->file + " is read by the certificate probe",
                          spec->where));
            continue;
        }
        std::vector<std::string> missing;
        Evidence evidence;
        for (const XmppDomain& domain : model.xmpp_domains) {
            evidence.emplace_back("expected", domain.name);
            bool covered = false;
            const std::string d = lower(domain.name);
            for (const std::string& san : spec->sans) {
                const std::string s = lower(san);
                covered =
                    covered || d == s ||
                    (d.size() > s.size() && d.compare(d.size() - s.size(), s.size(), s) == 0 &&
                     d[d.size() - s.size() - 1] == '.');
            }
            if (!covered) missing.push_back(domain.name);
        }
        findings.push_back(
            make_finding(info(), missing.empty() ? Status::pass : Status::fail, subject,
                         missing.empty() ? "SAN list covers every XMPP domain"
                                         : "SAN list lacks XMPP domain " + join(missing),
                         spec->where, std::move(evidence)));
    }
    return findings;
}

}  // namespace edgeplan::checks
