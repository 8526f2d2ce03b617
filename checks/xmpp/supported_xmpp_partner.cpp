#include "checks/xmpp/supported_xmpp_partner.h"

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& SupportedXmppPartnerCheck::info() const {
    static const CheckInfo kInfo{
        "XMPP-01",
        "XMPP partners are ones Microsoft tested and supports (Google Talk); other XMPP systems "
        "are supported only by their vendor",
        "xmpp",
        CheckKind::offline,
        Severity::should,
        {"XMPP"},
        {cite("CHANGES"), cite("PLAN-XMPP"), cite("DNSLB")},
        "Confirm with the partner's XMPP vendor that federation with Lync Server 2013 is "
        "supported"};
    return kInfo;
}

// CHANGES, PLAN-XMPP, DNSLB: "Google Talk is currently the only supported XMPP partner".
std::vector<Finding> SupportedXmppPartnerCheck::evaluate(const CheckContext& context) const {
    std::vector<Finding> findings;
    for (const XmppPartner& partner : context.model.federation.xmpp_partners) {
        const bool google = is_google_xmpp_domain(partner.domain);
        findings.push_back(make_finding(
            info(), google ? Status::pass : Status::warn,
            xmpp_partner_subject(lower(partner.domain)),
            google ? "Google Talk is the XMPP partner Microsoft tested"
                   : "untested XMPP partner: support comes from its vendor, not Microsoft",
            partner.where));
    }
    return or_not_applicable(info(), std::move(findings), "no XMPP partner is configured");
}

}  // namespace edgeplan::checks
