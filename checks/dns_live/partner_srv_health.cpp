#include "checks/dns_live/partner_srv_health.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "checks/citations.h"
#include "checks/dns_live/live_dns.h"

namespace edgeplan::checks::dns_live {
namespace {

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    while (!text.empty() && text.back() == '.') text.pop_back();
    return text;
}

// What to ask for one partner: its SRV (then the target), or its configured proxy FQDN
// ("Allowed Partner Server" needs no SRV: DNS-SRV-FED-04).
struct PartnerLookup {
    std::string domain;
    std::string name;  // SRV owner or proxy FQDN
    bool srv = true;
    topology::SourceLocation where;
};

std::vector<PartnerLookup> partner_lookups(const topology::Model& model) {
    std::vector<PartnerLookup> out;
    if (model.federation.enabled == false) return out;
    std::set<std::string> seen;
    for (const topology::AllowedDomain& partner : model.federation.allowed) {
        const std::string domain = lower(partner.domain);
        if (domain.empty() || !seen.insert(domain).second) continue;
        const std::string proxy = lower(partner.proxy_fqdn);
        if (proxy.empty()) {
            out.push_back({domain, "_sipfederationtls._tcp." + domain, true, partner.where});
        } else {
            out.push_back({domain, proxy, false, partner.where});
        }
    }
    return out;
}

class PartnerSrvHealthCheck final : public Check {
  public:
    const CheckInfo& info() const override {
        static const CheckInfo info{
            "DNS-SRV-FED-05",
            "Every allowed federation partner publishes _sipfederationtls._tcp with a target that "
            "resolves (or its configured Access Edge FQDN resolves)",
            "federation",
            CheckKind::dns,
            Severity::should,
            {"FED"},
            {cite("DNSREQ"), cite("SETUP-FED"), {"RFC2782", "RFC 2782"}},
            "Ask the partner to publish its federation SRV, or configure its Access Edge FQDN "
            "(ProxyFqdn) on the allowed domain entry"};
        return info;
    }

    void request(const CheckContext& context, probes::ProbeRequests& requests) const override {
        // Thousands of partners are fine: the resolver keeps many queries in flight.
        for (const PartnerLookup& p : partner_lookups(context.model)) {
            if (p.srv) {
                requests.dns.push_back({p.name, DnsType::SRV, DnsView::external, true});
            } else {
                requests.dns.push_back({p.name, DnsType::A, DnsView::external, false});
                requests.dns.push_back({p.name, DnsType::AAAA, DnsView::external, false});
            }
        }
    }

    std::vector<Finding> evaluate(const CheckContext& context) const override {
        const auto partners = partner_lookups(context.model);
        if (partners.empty()) {
            return {make_skip(info(), "topology", "not_applicable",
                              "no allowed federation partner domain is configured")};
        }
        const AnswerIndex index(context);
        std::vector<Finding> findings;
        for (const PartnerLookup& p : partners) {
            const std::string subject_text = subject(p.name, p.srv ? DnsType::SRV : DnsType::A);
            if (auto skip = not_live(info(), context, DnsView::external, subject_text)) {
                skip->where = p.where;
                findings.push_back(*skip);
                continue;
            }
            std::vector<std::pair<std::string, Verdict>> verdicts;
            for (const std::string& server : servers(context, DnsView::external)) {
                verdicts.emplace_back(
                    server, p.srv ? judge_srv(index, p, server) : judge_proxy(index, p, server));
            }
            findings.push_back(combine(info(), subject_text, p.where, verdicts));
        }
        return findings;
    }

  private:
    Verdict judge_srv(const AnswerIndex& index, const PartnerLookup& p,
                      const std::string& server) const {
        const probes::DnsAnswer* answer = index.find(p.name, DnsType::SRV, server);
        if (auto bad = unusable_answer(info(), index, answer, p.name, DnsType::SRV)) return *bad;
        const auto ordered = rfc2782_order(answer->srv);
        Verdict v;
        v.evidence = {{"fqdn", p.name}};
        if (ordered.empty()) {
            v.status = violation_status(info());
            v.message = p.name + " answered without SRV records";
            return v;
        }
        // The Access Edge tries the first record in RFC 2782 order.
        const SrvRecord& chosen = ordered.front();
        v.evidence.emplace_back("srv_target", chosen.target);
        v.evidence.emplace_back("port", std::to_string(chosen.port));
        bool resolved = false;
        std::string why_not;
        const auto addresses = index.addresses(chosen.target, server, resolved, why_not);
        for (const std::string& a : addresses) v.evidence.emplace_back("ip", a);
        if (!resolved) {
            v.status = violation_status(info());
            v.message = "partner " + p.domain + ": SRV target " + chosen.target +
                        " does not resolve (" + why_not + ")";
        } else {
            v.message = "partner " + p.domain + " -> " + srv_text(chosen) + " resolves";
        }
        return v;
    }

    Verdict judge_proxy(const AnswerIndex& index, const PartnerLookup& p,
                        const std::string& server) const {
        bool resolved = false;
        std::string why_not;
        const auto addresses = index.addresses(p.name, server, resolved, why_not);
        if (!index.find(p.name, DnsType::A, server) && !index.find(p.name, DnsType::AAAA, server)) {
            return *unusable_answer(info(), index, nullptr, p.name, DnsType::A);
        }
        Verdict v;
        v.evidence = {{"fqdn", p.name}};
        for (const std::string& a : addresses) v.evidence.emplace_back("ip", a);
        if (!resolved) {
            v.status = violation_status(info());
            v.message = "partner " + p.domain + ": Access Edge " + p.name + " does not resolve (" +
                        why_not + ")";
        } else {
            v.message = "partner " + p.domain + ": Access Edge " + p.name + " resolves";
        }
        return v;
    }
};

}  // namespace

std::unique_ptr<Check> make_partner_srv_health_check() {
    return std::make_unique<PartnerSrvHealthCheck>();
}

}  // namespace edgeplan::checks::dns_live
