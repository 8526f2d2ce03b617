#include "checks/dns_live/srv_record_check.h"

#include <algorithm>

#include "checks/dns_live/live_dns.h"

namespace edgeplan::checks::dns_live {
namespace {

std::vector<std::string> planned_addresses(const topology::Plan& plan, const std::string& name) {
    std::vector<std::string> out;
    for (const topology::DnsRecord& r : plan.dns) {
        if (r.name == name && r.zone_kind == topology::DnsZoneKind::external &&
            (r.type == topology::DnsRecordType::a || r.type == topology::DnsRecordType::aaaa) &&
            std::find(out.begin(), out.end(), r.value) == out.end()) {
            out.push_back(r.value);
        }
    }
    return out;
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items) out += (out.empty() ? "" : " ") + item;
    return out.empty() ? "(none)" : out;
}

}  // namespace

std::vector<const topology::DnsRecord*> SrvRecordCheck::records(const topology::Plan& plan) const {
    std::vector<const topology::DnsRecord*> out;
    for (const topology::DnsRecord& r : plan.dns) {
        if (r.type != topology::DnsRecordType::srv) continue;
        if (r.role != spec_.role) {
            continue;
        }
        const bool seen = std::any_of(out.begin(), out.end(), [&](const topology::DnsRecord* o) {
            return o->name == r.name;
        });
        if (!seen) out.push_back(&r);
    }
    return out;
}

void SrvRecordCheck::request(const CheckContext& context, probes::ProbeRequests& requests) const {
    for (const topology::DnsRecord* r : records(context.plan)) {
        // SRV, then A/AAAA of the target it names (round 2 of the probe runner).
        probes::DnsLookup lookup{r->name, DnsType::SRV, DnsView::external, true};
        if (std::find(requests.dns.begin(), requests.dns.end(), lookup) == requests.dns.end()) {
            requests.dns.push_back(lookup);
        }
    }
}

std::vector<Finding> SrvRecordCheck::evaluate(const CheckContext& context) const {
    const CheckInfo& info = spec_.info;
    const auto planned = records(context.plan);
    if (planned.empty())
        return {make_skip(info, "topology", "not_applicable", spec_.not_applicable)};
    const AnswerIndex index(context);
    std::vector<Finding> findings;
    for (const topology::DnsRecord* plan_record : planned) {
        const std::string subject_text = subject(plan_record->name, DnsType::SRV);
        if (auto skip = not_live(info, context, DnsView::external, subject_text)) {
            skip->where = plan_record->where;
            findings.push_back(*skip);
            continue;
        }
        const std::vector<std::string> expected_addresses =
            planned_addresses(context.plan, plan_record->value);
        const std::string expected = std::to_string(plan_record->port) + " " + plan_record->value;
        std::vector<std::pair<std::string, Verdict>> verdicts;
        for (const std::string& server : servers(context, DnsView::external)) {
            const probes::DnsAnswer* answer = index.find(plan_record->name, DnsType::SRV, server);
            if (auto bad = unusable_answer(info, index, answer, plan_record->name, DnsType::SRV)) {
                bad->evidence.emplace_back("expected", expected);
                verdicts.emplace_back(server, *bad);
                continue;
            }
            const auto ordered = rfc2782_order(answer->srv);
            Verdict v;
            v.evidence = {{"fqdn", plan_record->name}, {"expected", expected}};
            if (ordered.empty()) {
                v.status = violation_status(info);
                v.message = plan_record->name + " answered without SRV records";
                verdicts.emplace_back(server, v);
                continue;
            }
            for (const probes::SrvRecord& r : ordered)
                v.evidence.emplace_back("observed", srv_text(r));
            // The Access Edge uses the first record in RFC 2782 order (DNS-SRV-GEN-02).
            const probes::SrvRecord& chosen = ordered.front();
            v.evidence.emplace_back("srv_target", chosen.target);
            v.evidence.emplace_back("port", std::to_string(chosen.port));
            std::vector<std::string> problems;
            if (chosen.target != plan_record->value) {
                std::string p = "targets " + chosen.target + " instead of " + plan_record->value;
                if (!in_domain(chosen.target, srv_domain(plan_record->name))) {
                    p += " (a host outside " + srv_domain(plan_record->name) + ")";
                }
                problems.push_back(p);
            }
            if (chosen.port != plan_record->port) {
                problems.push_back("uses port " + std::to_string(chosen.port) + " instead of " +
                                   std::to_string(plan_record->port));
            }
            bool resolved = false;
            std::string why_not;
            const auto addresses = index.addresses(chosen.target, server, resolved, why_not);
            for (const std::string& a : addresses) v.evidence.emplace_back("ip", a);
            if (!resolved) {
                problems.push_back("its target " + chosen.target + " does not resolve (" + why_not +
                                   ")");
            } else if (chosen.target == plan_record->value && !expected_addresses.empty() &&
                       std::none_of(addresses.begin(), addresses.end(), [&](const auto& a) {
                           return std::find(expected_addresses.begin(), expected_addresses.end(),
                                            a) != expected_addresses.end();
                       })) {
                problems.push_back("its target resolves to " + join(addresses) +
                                   ", not to the planned " + join(expected_addresses));
            }
            if (problems.empty()) {
                v.message = plan_record->name + " -> " + srv_text(chosen) + " resolves to " +
                            join(addresses) + " as planned";
            } else {
                v.status = violation_status(info);
                v.message = plan_record->name + " ";
                for (std::size_t i = 0; i < problems.size(); ++i) {
                    v.message += (i ? "; " : "") + problems[i];
                }
            }
            verdicts.emplace_back(server, v);
        }
        findings.push_back(combine(info, subject_text, plan_record->where, verdicts));
    }
    return findings;
}

}  // namespace edgeplan::checks::dns_live
