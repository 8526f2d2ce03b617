#include "checks/certificates/sip_domains_in_san.h"

#include "checks/certificates/certificate_rule_info.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& SipDomainsInSanCheck::info() const {
    static const CheckInfo kInfo = certificates::certificate_rule_info(
        topology::CertificateRule::sip_domains_san, CheckKind::offline);
    return kInfo;
}

// CR-EXT, CS-S1...S5 intro: one SAN per SIP domain ("SIP Domain Setting on SANs").
std::vector<Finding> SipDomainsInSanCheck::evaluate(const CheckContext& context) const {
    const Model& model = context.model;
    std::vector<std::string> expected;
    const bool federation =
        context.plan.features.federation;  // once, not per domain: it scans pools
    for (const SipDomain& domain : model.sip_domains) {
        if (domain.dns_autoconfiguration || federation) {
            expected.push_back("sip." + domain.name);
        }
    }
    if (expected.empty()) {
        return {not_applicable(info(), "neither DNS auto-configuration nor federation is used")};
    }
    return for_each_planned_certificate(
        info(), context.model, CertificateUse::external,
        [&](const EdgePool& pool, const CertificateSpec& spec, const std::string& subject,
            std::vector<Finding>& out) {
            (void)pool;
            std::vector<std::string> missing;
            Evidence evidence;
            const NameSet sans(spec.sans);  // one lookup per SIP domain, not a SAN-list scan
            for (const std::string& name : expected) {
                evidence.emplace_back("expected", name);
                if (!sans.contains(name)) missing.push_back(name);
            }
            out.push_back(make_finding(info(), missing.empty() ? Status::pass : Status::fail,
                                       subject,
                                       missing.empty() ? "SAN list covers every SIP domain"
                                                       : "SAN list lacks " + join(missing),
                                       spec.where, std::move(evidence)));
        });
}

}  // namespace edgeplan::checks
