#include "checks/dns/srv_target_same_domain.h"

#include <map>

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& SrvTargetSameDomainCheck::info() const {
    static const CheckInfo kInfo{
        kSrvTargetSameDomainId,
        "Every SRV record points to a host in the same domain as the SRV record",
        "dns",
        CheckKind::offline,
        Severity::must,
        {"AUTO", "FED", "XMPP", "PUSH"},
        {cite("DNSREQ")},
        "Point the SRV at a host name inside its own domain (add an A record such as "
        "sip.<domain> for the Access Edge address)"};
    return kInfo;
}

namespace {

// The domain an SRV owner name belongs to: the owner without its leading _service._proto labels.
std::string srv_domain(const std::string& owner) {
    std::size_t start = 0;
    while (start < owner.size() && owner[start] == '_') {
        const std::size_t dot = owner.find('.', start);
        if (dot == std::string::npos) return "";
        start = dot + 1;
    }
    return lower(owner.substr(start));
}

bool in_domain(const std::string& host, const std::string& domain) {
    const std::string h = lower(host);
    return h == domain || (h.size() > domain.size() &&
                           h.compare(h.size() - domain.size(), domain.size(), domain) == 0 &&
                           h[h.size() - domain.size() - 1] == '.');
}

}  // namespace

// DNSREQ: an SRV in contoso.com cannot point to a host in fabrikam.com. One finding per domain.
std::vector<Finding> SrvTargetSameDomainCheck::evaluate(const CheckContext& context) const {
    std::map<std::string, std::vector<const DnsRecord*>> by_domain;
    for (const DnsRecord& record : context.plan.dns) {
        if (record.type == DnsRecordType::srv)
            by_domain[srv_domain(record.name)].push_back(&record);
    }
    std::vector<Finding> findings;
    for (const auto& [domain, records] : by_domain) {
        std::vector<std::string> outside;
        Evidence evidence;
        for (const DnsRecord* r : records) {
            evidence.emplace_back("srv_target", r->name + " -> " + r->value);
            if (!in_domain(r->value, domain)) outside.push_back(r->name + " -> " + r->value);
        }
        findings.push_back(make_finding(
            info(), outside.empty() ? Status::pass : Status::fail, domain_subject(domain),
            outside.empty() ? "every SRV target is in " + domain
                            : "SRV target outside " + domain + ": " + join(outside),
            records.front()->where, std::move(evidence)));
    }
    return or_not_applicable(info(), std::move(findings), "the plan has no SRV record");
}

}  // namespace edgeplan::checks
