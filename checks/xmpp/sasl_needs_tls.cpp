#include "checks/xmpp/sasl_needs_tls.h"

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& SaslNeedsTlsCheck::info() const {
    static const CheckInfo kInfo{
        "XMPP-09",
        "SASL negotiation is used only with TLS required (SASL needs TLS)",
        "xmpp",
        CheckKind::offline,
        Severity::must,
        {"XMPP"},
        {cite("XMPP-NEG"), cite("XMPP-PARTNER")},
        "Set TLS negotiation to Required when SASL is Required or Optional, or set SASL to "
        "NotSupported"};
    return kInfo;
}

// XMPP-NEG: TLS NotSupported + SASL is rejected at commit (fail); TLS Optional + SASL "may
// result in failed session negotiations" (warn).
std::vector<Finding> SaslNeedsTlsCheck::evaluate(const CheckContext& context) const {
    std::vector<Finding> findings;
    for (const XmppPartner& p : context.model.federation.xmpp_partners) {
        const std::string subject = xmpp_partner_subject(lower(p.domain));
        const Evidence evidence{
            {"observed", std::string("TLS ") + to_string(p.tls) + ", SASL " + to_string(p.sasl)}};
        Status status = Status::pass;
        std::string message = "SASL and TLS settings are compatible";
        if (p.sasl != Negotiation::not_supported && p.tls == Negotiation::not_supported) {
            status = Status::fail;
            message = "SASL is used but TLS is NotSupported";
        } else if (p.sasl != Negotiation::not_supported && p.tls == Negotiation::optional) {
            status = Status::warn;
            message = "SASL with TLS only Optional may fail session negotiation";
        }
        findings.push_back(make_finding(info(), status, subject, message, p.where, evidence));
    }
    return or_not_applicable(info(), std::move(findings), "no XMPP partner is configured");
}

}  // namespace edgeplan::checks
