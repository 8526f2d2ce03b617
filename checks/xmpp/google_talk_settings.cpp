#include "checks/xmpp/google_talk_settings.h"

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& GoogleTalkSettingsCheck::info() const {
    static const CheckInfo kInfo{
        "XMPP-11",
        "A Google Talk partner uses the documented settings: TLS NotSupported, SASL "
        "NotSupported, Dialback True",
        "xmpp",
        CheckKind::offline,
        Severity::should,
        {"XMPP"},
        {cite("XMPP-GTALK")},
        "New-CsXmppAllowedPartner gmail.com -TlsNegotiation NotSupported -SaslNegotiation "
        "NotSupported -SupportDialbackNegotiation $true -EnableKeepAlive $false"};
    return kInfo;
}

// XMPP-GTALK: Google accepted only unencrypted server-to-server TCP with Server Dialback.
// EnableKeepAlive is not in the model and is left to the doc.
std::vector<Finding> GoogleTalkSettingsCheck::evaluate(const CheckContext& context) const {
    std::vector<Finding> findings;
    for (const XmppPartner& p : context.model.federation.xmpp_partners) {
        if (!is_google_xmpp_domain(p.domain)) continue;
        std::vector<std::string> deviations;
        if (p.tls != Negotiation::not_supported) {
            deviations.push_back(std::string("TLS ") + to_string(p.tls));
        }
        if (p.sasl != Negotiation::not_supported) {
            deviations.push_back(std::string("SASL ") + to_string(p.sasl));
        }
        if (!p.dialback) deviations.push_back("Dialback false");
        findings.push_back(make_finding(
            info(), deviations.empty() ? Status::pass : Status::warn,
            xmpp_partner_subject(lower(p.domain)),
            deviations.empty()
                ? "matches the Google Talk reference configuration"
                : "differs from the Google Talk reference configuration: " + join(deviations),
            p.where, {{"expected", "TLS notSupported, SASL notSupported, Dialback true"}}));
    }
    return or_not_applicable(info(), std::move(findings), "no Google Talk XMPP partner");
}

}  // namespace edgeplan::checks
