#include "checks/dns_live/xmpp_srv_priorities_live.h"

#include <algorithm>
#include <set>

#include "checks/citations.h"
#include "checks/dns_live/live_dns.h"

namespace edgeplan::checks::dns_live {
namespace {

class XmppSrvPrioritiesLiveCheck final : public Check {
  public:
    const CheckInfo& info() const override {
        static const CheckInfo info{
            "DNS-SRV-XMPP-03",
            "With XMPP on several Edge pools, each pool has its own _xmpp-server SRV with a "
            "distinct priority",
            "dns",
            CheckKind::dns,
            Severity::should,
            {"XMPP"},
            {cite("SETUP-XMPP"), cite("DR-XMPP")},
            "Publish one _xmpp-server._tcp SRV per XMPP Edge pool, each with a different priority"};
        return info;
    }

    void request(const CheckContext& context, probes::ProbeRequests& requests) const override {
        if (xmpp_pools(context.model) < 2) return;
        for (const std::string& name : names(context.plan)) {
            probes::DnsLookup lookup{name, DnsType::SRV, DnsView::external, true};
            if (std::find(requests.dns.begin(), requests.dns.end(), lookup) == requests.dns.end()) {
                requests.dns.push_back(lookup);
            }
        }
    }

    std::vector<Finding> evaluate(const CheckContext& context) const override {
        const std::size_t pools = xmpp_pools(context.model);
        const auto planned = names(context.plan);
        if (pools < 2 || planned.empty()) {
            return {make_skip(info(), "topology", "not_applicable",
                              "fewer than two Edge pools carry XMPP federation")};
        }
        const AnswerIndex index(context);
        std::vector<Finding> findings;
        for (const std::string& name : planned) {
            const std::string subject_text = subject(name, DnsType::SRV);
            if (auto skip = not_live(info(), context, DnsView::external, subject_text)) {
                findings.push_back(*skip);
                continue;
            }
            std::vector<std::pair<std::string, Verdict>> verdicts;
            for (const std::string& server : servers(context, DnsView::external)) {
                const probes::DnsAnswer* answer = index.find(name, DnsType::SRV, server);
                if (auto bad = unusable_answer(info(), index, answer, name, DnsType::SRV)) {
                    verdicts.emplace_back(server, *bad);
                    continue;
                }
                std::set<int> priorities;
                Verdict v;
                v.evidence = {{"fqdn", name},
                              {"count", std::to_string(answer->srv.size())},
                              {"limit", std::to_string(pools)}};
                for (const SrvRecord& r : rfc2782_order(answer->srv)) {
                    priorities.insert(r.priority);
                    v.evidence.emplace_back("observed", srv_text(r));
                }
                if (answer->srv.size() >= pools && priorities.size() == answer->srv.size()) {
                    v.message = name + " has " + std::to_string(answer->srv.size()) +
                                " SRV records with distinct priorities";
                } else {
                    v.status = violation_status(info());
                    v.message = name + " has " + std::to_string(answer->srv.size()) +
                                " SRV records and " + std::to_string(priorities.size()) +
                                " distinct priorities for " + std::to_string(pools) +
                                " XMPP Edge pools";
                }
                verdicts.emplace_back(server, v);
            }
            findings.push_back(combine(info(), subject_text, {}, verdicts));
        }
        return findings;
    }

  private:
    static std::size_t xmpp_pools(const topology::Model& model) {
        return static_cast<std::size_t>(
            std::count_if(model.edge_pools.begin(), model.edge_pools.end(),
                          [](const topology::EdgePool& p) { return p.xmpp; }));
    }
    static std::vector<std::string> names(const topology::Plan& plan) {
        std::vector<std::string> out;
        for (const topology::DnsRecord& r : plan.dns) {
            if (r.type == topology::DnsRecordType::srv && r.role == topology::DnsRole::xmpp_srv &&
                std::find(out.begin(), out.end(), r.name) == out.end()) {
                out.push_back(r.name);
            }
        }
        return out;
    }
};

}  // namespace

std::unique_ptr<Check> make_xmpp_srv_priorities_live_check() {
    return std::make_unique<XmppSrvPrioritiesLiveCheck>();
}

}  // namespace edgeplan::checks::dns_live
