#include "checks/dns_live/srv_target_domain_live.h"

#include <algorithm>

#include "checks/citations.h"
#include "checks/dns/srv_target_same_domain.h"
#include "checks/dns_live/live_dns.h"

namespace edgeplan::checks::dns_live {
namespace {

class SrvTargetDomainLiveCheck final : public Check {
  public:
    const CheckInfo& info() const override {
        static const CheckInfo info{
            kSrvTargetSameDomainId,
            "Every published SRV record points to a host in the same domain as the SRV record",
            "dns",
            CheckKind::dns,
            Severity::must,
            {"AUTO", "FED", "XMPP", "PUSH"},
            {cite("DNSREQ")},
            "Point the SRV at a host name inside its own domain (e.g. sip.<domain>)"};
        return info;
    }

    void request(const CheckContext& context, probes::ProbeRequests& requests) const override {
        for (const std::string& name : names(context.plan)) {
            probes::DnsLookup lookup{name, DnsType::SRV, DnsView::external, true};
            if (std::find(requests.dns.begin(), requests.dns.end(), lookup) == requests.dns.end()) {
                requests.dns.push_back(lookup);
            }
        }
    }

    std::vector<Finding> evaluate(const CheckContext& context) const override {
        const auto planned = names(context.plan);
        if (planned.empty()) {
            return {make_skip(info(), "topology", "not_applicable", "the plan has no SRV record")};
        }
        const AnswerIndex index(context);
        std::vector<Finding> findings;
        for (const std::string& name : planned) {
            const std::string subject_text = subject(name, DnsType::SRV);
            if (auto skip = not_live(info(), context, DnsView::external, subject_text)) {
                findings.push_back(*skip);
                continue;
            }
            const std::string domain = srv_domain(name);
            std::vector<std::pair<std::string, Verdict>> verdicts;
            for (const std::string& server : servers(context, DnsView::external)) {
                const probes::DnsAnswer* answer = index.find(name, DnsType::SRV, server);
                if (!answer) {
                    verdicts.emplace_back(
                        server, *unusable_answer(info(), index, answer, name, DnsType::SRV));
                    continue;
                }
                Verdict v;
                v.evidence = {{"fqdn", name}};
                if (answer->outcome != DnsOutcome::ok || answer->srv.empty()) {
                    // Nothing published: no target to judge. The SRV checks of each record
                    // (DNS-SRV-CLI-01, -FED-01, ...) report the absence; this is not a pass.
                    v.status = Status::skip;
                    v.message = outcome_message(*answer);
                    v.evidence.emplace_back("observed", probes::to_string(answer->outcome));
                    verdicts.emplace_back(server, v);
                    continue;
                }
                std::vector<std::string> outside;
                for (const SrvRecord& r : rfc2782_order(answer->srv)) {
                    v.evidence.emplace_back("srv_target", r.target);
                    if (!in_domain(r.target, domain)) outside.push_back(r.target);
                }
                if (outside.empty()) {
                    v.message = name + " targets hosts inside " + domain;
                } else {
                    v.status = violation_status(info());
                    v.message = name + " targets " + outside.front() + ", outside " + domain;
                    for (const std::string& o : outside) v.evidence.emplace_back("unexpected", o);
                }
                verdicts.emplace_back(server, v);
            }
            findings.push_back(combine(info(), subject_text, {}, verdicts));
        }
        return findings;
    }

  private:
    static std::vector<std::string> names(const topology::Plan& plan) {
        std::vector<std::string> out;
        for (const topology::DnsRecord& r : plan.dns) {
            if (r.type == topology::DnsRecordType::srv &&
                std::find(out.begin(), out.end(), r.name) == out.end()) {
                out.push_back(r.name);
            }
        }
        return out;
    }
};

}  // namespace

std::unique_ptr<Check> make_srv_target_domain_live_check() {
    return std::make_unique<SrvTargetDomainLiveCheck>();
}

}  // namespace edgeplan::checks::dns_live
