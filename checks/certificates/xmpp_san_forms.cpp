#include "checks/certificates/xmpp_san_forms.h"

#include "checks/certificates/certificate_rule_info.h"
#include "checks/certificates/xmpp_external_certificates.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& XmppSanFormsCheck::info() const {
    static const CheckInfo kInfo = certificates::certificate_rule_info(
        topology::CertificateRule::xmpp_san_forms, CheckKind::offline);
    return kInfo;
}

// CS-S1...S5 XMPP tables vs CS-XMPP: accept the root domain, warn on a wildcard SAN and on a
// missing xmpp.<domain>.
std::vector<Finding> XmppSanFormsCheck::evaluate(const CheckContext& context) const {
    const Model& model = context.model;
    return for_each_xmpp_external_certificate(
        info(), model, [&](const CertificateSpec& spec, const std::string& subject) {
            std::vector<std::string> problems;
            for (const std::string& san : spec.sans) {
                if (is_wildcard(san)) problems.push_back("wildcard SAN " + san);
            }
            for (const XmppDomain& domain : model.xmpp_domains) {
                if (!contains_name(spec.sans, "xmpp." + domain.name)) {
                    problems.push_back("no SAN xmpp." + domain.name);
                }
            }
            return make_finding(
                info(), problems.empty() ? Status::pass : Status::warn, subject,
                problems.empty() ? "xmpp.<domain> listed, no wildcard" : join(problems, "; "),
                spec.where);
        });
}

}  // namespace edgeplan::checks
