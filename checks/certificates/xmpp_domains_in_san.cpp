#include "checks/certificates/xmpp_domains_in_san.h"

#include "checks/certificates/certificate_rule_info.h"
#include "checks/certificates/xmpp_external_certificates.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& XmppDomainsInSanCheck::info() const {
    static const CheckInfo kInfo = certificates::certificate_rule_info(
        topology::CertificateRule::xmpp_domains_san, CheckKind::offline);
    return kInfo;
}

// CS-FED, CS-XMPP: the root domain covers its child domains.
std::vector<Finding> XmppDomainsInSanCheck::evaluate(const CheckContext& context) const {
    const Model& model = context.model;
    return for_each_xmpp_external_certificate(
        info(), model, [&](const CertificateSpec& spec, const std::string& subject) {
            std::vector<std::string> missing;
            Evidence evidence;
            for (const XmppDomain& domain : model.xmpp_domains) {
                evidence.emplace_back("expected", domain.name);
                bool covered = false;
                const std::string d = lower(domain.name);
                for (const std::string& san : spec.sans) {
                    const std::string s = lower(san);
                    covered =
                        covered || d == s ||
                        (d.size() > s.size() && d.compare(d.size() - s.size(), s.size(), s) == 0 &&
                         d[d.size() - s.size() - 1] == '.');
                }
                if (!covered) missing.push_back(domain.name);
            }
            return make_finding(info(), missing.empty() ? Status::pass : Status::fail, subject,
                                missing.empty() ? "SAN list covers every XMPP domain"
                                                : "SAN list lacks XMPP domain " + join(missing),
                                spec.where, std::move(evidence));
        });
}

}  // namespace edgeplan::checks
