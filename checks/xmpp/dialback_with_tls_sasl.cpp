#include "checks/xmpp/dialback_with_tls_sasl.h"

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& DialbackWithTlsSaslCheck::info() const {
    static const CheckInfo kInfo{
        "XMPP-10",
        "Dialback is not enabled where TLS and SASL are both required (it would never operate)",
        "xmpp",
        CheckKind::offline,
        Severity::should,
        {"XMPP"},
        {cite("XMPP-NEG")},
        "Turn Dialback off for partners with TLS Required and SASL Required"};
    return kInfo;
}

// XMPP-NEG: TLS Required + SASL Required + Dialback True: dialback will not operate.
std::vector<Finding> DialbackWithTlsSaslCheck::evaluate(const CheckContext& context) const {
    std::vector<Finding> findings;
    for (const XmppPartner& p : context.model.federation.xmpp_partners) {
        const bool idle =
            p.dialback && p.tls == Negotiation::required && p.sasl == Negotiation::required;
        findings.push_back(make_finding(
            info(), idle ? Status::warn : Status::pass, xmpp_partner_subject(lower(p.domain)),
            idle ? "Dialback is enabled but never operates with TLS and SASL required"
                 : "Dialback setting is effective",
            p.where));
    }
    return or_not_applicable(info(), std::move(findings), "no XMPP partner is configured");
}

}  // namespace edgeplan::checks
