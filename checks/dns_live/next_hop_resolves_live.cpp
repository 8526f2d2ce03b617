#include "checks/dns_live/next_hop_resolves_live.h"

#include <algorithm>
#include <cctype>

#include "checks/citations.h"
#include "checks/dns_live/live_dns.h"

namespace edgeplan::checks::dns_live {
namespace {

struct NextHop {
    std::string fqdn;
    std::vector<std::string> addresses;  // every server's address; empty when not all known
    topology::SourceLocation where;
};

std::vector<NextHop> next_hops(const topology::Model& model) {
    std::vector<NextHop> out;
    for (const topology::EdgePool& edge : model.edge_pools) {
        const topology::InternalPool* pool = model.find_internal_pool(edge.next_hop);
        if (!pool || pool->fqdn.empty()) continue;
        std::string fqdn = pool->fqdn;
        std::transform(fqdn.begin(), fqdn.end(), fqdn.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (std::any_of(out.begin(), out.end(), [&](const NextHop& n) { return n.fqdn == fqdn; })) {
            continue;
        }
        NextHop hop{fqdn, {}, pool->where};
        bool all_known = !pool->servers.empty();
        for (const topology::Server& server : pool->servers) {
            bool any = false;
            for (const std::string& ip : server.ips) {
                if (ip.find(':') != std::string::npos) continue;  // A records only
                hop.addresses.push_back(ip);
                any = true;
            }
            all_known = all_known && any;
        }
        if (!all_known) hop.addresses.clear();
        out.push_back(hop);
    }
    return out;
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items) out += (out.empty() ? "" : " ") + item;
    return out.empty() ? "(none)" : out;
}

class NextHopResolvesLiveCheck final : public Check {
  public:
    const CheckInfo& info() const override {
        static const CheckInfo info{
            "DNS-INT-02",
            "The DNS the Edge Servers use resolves the next hop pool FQDN to every server of "
            "that pool",
            "dns",
            CheckKind::dns,
            Severity::must,
            {"S1", "S2", "S3", "S4", "S5"},
            {cite("NIC"), cite("DNSREQ")},
            "Add A records for the next hop pool (one per server) to the perimeter DNS, or HOSTS "
            "entries on each Edge Server"};
        return info;
    }

    void request(const CheckContext& context, probes::ProbeRequests& requests) const override {
        for (const NextHop& hop : next_hops(context.model)) {
            requests.dns.push_back({hop.fqdn, DnsType::A, DnsView::internal, false});
        }
    }

    std::vector<Finding> evaluate(const CheckContext& context) const override {
        const auto hops = next_hops(context.model);
        if (hops.empty()) {
            return {make_skip(info(), "topology", "not_applicable",
                              "no Edge pool names a next hop pool with an FQDN")};
        }
        const AnswerIndex index(context);
        std::vector<Finding> findings;
        for (const NextHop& hop : hops) {
            const std::string subject_text = subject(hop.fqdn, DnsType::A);
            if (auto skip = not_live(info(), context, DnsView::internal, subject_text)) {
                skip->where = hop.where;
                findings.push_back(*skip);
                continue;
            }
            std::vector<std::pair<std::string, Verdict>> verdicts;
            for (const std::string& server : servers(context, DnsView::internal)) {
                const probes::DnsAnswer* answer = index.find(hop.fqdn, DnsType::A, server);
                if (auto bad = unusable_answer(info(), index, answer, hop.fqdn, DnsType::A)) {
                    verdicts.emplace_back(server, *bad);
                    continue;
                }
                Verdict v;
                v.evidence = {{"fqdn", hop.fqdn},
                              {"expected", join(hop.addresses)},
                              {"observed", join(answer->addresses)}};
                std::vector<std::string> missing;
                for (const std::string& a : hop.addresses) {
                    if (std::find(answer->addresses.begin(), answer->addresses.end(), a) ==
                        answer->addresses.end()) {
                        missing.push_back(a);
                        v.evidence.emplace_back("missing", a);
                    }
                }
                if (missing.empty()) {
                    v.message = hop.fqdn + " resolves to " + join(answer->addresses);
                } else {
                    v.status = violation_status(info());
                    v.message = hop.fqdn + " lacks the server address " + join(missing);
                }
                verdicts.emplace_back(server, v);
            }
            findings.push_back(combine(info(), subject_text, hop.where, verdicts));
        }
        return findings;
    }
};

}  // namespace

std::unique_ptr<Check> make_next_hop_resolves_live_check() {
    return std::make_unique<NextHopResolvesLiveCheck>();
}

}  // namespace edgeplan::checks::dns_live
