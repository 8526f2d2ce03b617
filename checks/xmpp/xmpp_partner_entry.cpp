#include "checks/xmpp/xmpp_partner_entry.h"

#include <map>

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& XmppPartnerEntryCheck::info() const {
    static const CheckInfo kInfo{
        "XMPP-07",
        "Each XMPP partner has exactly one XMPP Federated Partner entry with its primary domain",
        "xmpp",
        CheckKind::offline,
        Severity::must,
        {"XMPP"},
        {cite("XMPP-PARTNER"), cite("DS-XMPP")},
        "Keep one New-CsXmppAllowedPartner entry per partner, named by its primary domain, with "
        "sub-domains as additional domains"};
    return kInfo;
}

// XMPP-PARTNER: primary domain required; one entry per partner.
std::vector<Finding> XmppPartnerEntryCheck::evaluate(const CheckContext& context) const {
    const auto& partners = context.model.federation.xmpp_partners;
    std::map<std::string, int> count;
    for (const XmppPartner& p : partners) {
        ++count[lower(p.domain)];
        for (const std::string& extra : p.additional_domains) ++count[lower(extra)];
    }
    std::vector<Finding> findings;
    int index = 0;
    for (const XmppPartner& p : partners) {
        ++index;
        if (p.domain.empty()) {
            findings.push_back(make_finding(
                info(), Status::fail, xmpp_partner_subject("#" + std::to_string(index)),
                "XMPP partner entry without a primary domain", p.where));
            continue;
        }
        const int n = count[lower(p.domain)];
        findings.push_back(make_finding(
            info(), n > 1 ? Status::fail : Status::pass, xmpp_partner_subject(lower(p.domain)),
            n > 1 ? p.domain + " appears in " + std::to_string(n) + " partner entries"
                  : "one entry with primary domain " + p.domain,
            p.where));
    }
    // Two entries with the same primary domain yield the same subject: keep the first.
    std::vector<Finding> unique;
    for (Finding& f : findings) {
        bool seen = false;
        for (const Finding& u : unique) seen = seen || u.subject == f.subject;
        if (!seen) unique.push_back(std::move(f));
    }
    return or_not_applicable(info(), std::move(unique), "no XMPP partner is configured");
}

}  // namespace edgeplan::checks
