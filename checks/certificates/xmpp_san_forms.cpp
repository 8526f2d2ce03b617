#include "checks/certificates/xmpp_san_forms.h"

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& XmppSanFormsCheck::info() const {
    static const CheckInfo kInfo{
        "CERT-XMPP-03",
        "With XMPP federation, the Access Edge certificate lists xmpp.<domain> and no wildcard for "
        "XMPP",
        "certificates",
        CheckKind::offline,
        Severity::should,
        {"XMPP"},
        {cite("CS-S1"), cite("CS-XMPP"), cite("PLAN-CERT")},
        "Add xmpp.<domain> to the SAN list and replace *.<domain> with explicit names"};
    return kInfo;
}

// CS-S1...S5 XMPP tables vs CS-XMPP: accept the root domain, warn on a wildcard SAN and on a
// missing xmpp.<domain>.
std::vector<Finding> XmppSanFormsCheck::evaluate(const CheckContext& context) const {
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
        std::vector<std::string> problems;
        for (const std::string& san : spec->sans) {
            if (is_wildcard(san)) problems.push_back("wildcard SAN " + san);
        }
        for (const XmppDomain& domain : model.xmpp_domains) {
            if (!contains_name(spec->sans, "xmpp." + domain.name)) {
                problems.push_back("no SAN xmpp." + domain.name);
            }
        }
        findings.push_back(make_finding(
            info(), problems.empty() ? Status::pass : Status::warn, subject,
            problems.empty() ? "xmpp.<domain> listed, no wildcard" : join(problems, "; "),
            spec->where));
    }
    return findings;
}

}  // namespace edgeplan::checks
