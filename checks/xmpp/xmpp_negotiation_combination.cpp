#include "checks/xmpp/xmpp_negotiation_combination.h"

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& XmppNegotiationCombinationCheck::info() const {
    static const CheckInfo kInfo{
        "XMPP-08",
        "Each XMPP partner's TLS, SASL and Dialback negotiation settings form a valid "
        "combination",
        "xmpp",
        CheckKind::offline,
        Severity::must,
        {"XMPP"},
        {cite("XMPP-NEG")},
        "Pick a combination from the XMPP-NEG table, e.g. TLS Required + SASL Required, or TLS "
        "NotSupported + SASL NotSupported + Dialback True"};
    return kInfo;
}

namespace {

// XMPP-NEG lists five invalid (TLS, SASL, Dialback) combinations: (NS, R, F), (NS, O, F),
// (R, NS, F), (O, NS, F), (NS, NS, F). Together: Dialback off and TLS or SASL NotSupported,
// which leaves no way to authenticate the partner server.
bool invalid(const XmppPartner& p) {
    return !p.dialback &&
           (p.tls == Negotiation::not_supported || p.sasl == Negotiation::not_supported);
}

std::string describe(const XmppPartner& p) {
    return std::string("TLS ") + to_string(p.tls) + ", SASL " + to_string(p.sasl) + ", Dialback " +
           (p.dialback ? "true" : "false");
}

}  // namespace

std::vector<Finding> XmppNegotiationCombinationCheck::evaluate(const CheckContext& context) const {
    std::vector<Finding> findings;
    for (const XmppPartner& p : context.model.federation.xmpp_partners) {
        const bool bad = invalid(p);
        findings.push_back(make_finding(
            info(), bad ? Status::fail : Status::pass, xmpp_partner_subject(lower(p.domain)),
            (bad ? "invalid negotiation combination: " : "valid combination: ") + describe(p),
            p.where, {{"observed", describe(p)}}));
    }
    return or_not_applicable(info(), std::move(findings), "no XMPP partner is configured");
}

}  // namespace edgeplan::checks
