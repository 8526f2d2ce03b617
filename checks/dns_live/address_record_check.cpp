#include "checks/dns_live/address_record_check.h"

#include <algorithm>

#include "checks/dns_live/live_dns.h"
#include "checks/probes/probe_requests.h"
#include "topology/ip_address.h"

namespace edgeplan::checks::dns_live {
namespace {

bool contains(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items) out += (out.empty() ? "" : " ") + item;
    return out.empty() ? "(none)" : out;
}

// Addresses configured on the Edge's external interfaces (private under NAT): the ones
// external DNS must not publish (DNS-A-EXT-04, DS-S2 / DS-S4 examples).
std::vector<std::string> interface_addresses(const topology::EdgePool* pool) {
    std::vector<std::string> out;
    if (!pool) return out;
    for (const topology::EdgeMember& m : pool->members) {
        for (const auto* s : {&m.access, &m.webconf, &m.av}) {
            out.insert(out.end(), s->ips.begin(), s->ips.end());
        }
    }
    return out;
}

}  // namespace

bool role_is(const topology::DnsRecord& record, std::initializer_list<topology::DnsRole> roles) {
    return std::find(roles.begin(), roles.end(), record.role) != roles.end();
}

const topology::EdgePool* pool_of(const topology::Model& model, const topology::DnsRecord& record) {
    return record.pool_id.empty() ? nullptr : model.find_edge_pool(record.pool_id);
}

void AddressRecordCheck::request(const CheckContext& context,
                                 probes::ProbeRequests& requests) const {
    request_sets(expected_sets(
                     context.plan,
                     [&](const topology::DnsRecord& r) { return spec_.selects(context.model, r); }),
                 requests);
}

std::vector<Finding> AddressRecordCheck::evaluate(const CheckContext& context) const {
    const CheckInfo& info = spec_.info;
    const auto sets = expected_sets(context.plan, [&](const topology::DnsRecord& r) {
        return spec_.selects(context.model, r);
    });
    if (sets.empty()) return {make_skip(info, "topology", "not_applicable", spec_.not_applicable)};

    const AnswerIndex index(context);
    std::vector<Finding> findings;
    for (const ExpectedSet& set : sets) {
        const std::string subject_text = subject(set.name, set.type);
        if (auto skip = not_live(info, context, set.view, subject_text)) {
            skip->where = set.where;
            findings.push_back(*skip);
            continue;
        }
        std::vector<std::pair<std::string, Verdict>> verdicts;
        for (const std::string& server : servers(context, set.view)) {
            const probes::DnsAnswer* answer = index.find(set.name, set.type, server);
            if (auto bad = unusable_answer(info, index, answer, set.name, set.type)) {
                verdicts.emplace_back(server, *bad);
                continue;
            }
            const std::vector<std::string>& observed = answer->addresses;
            Verdict v;
            v.evidence = {{"fqdn", set.name},
                          {"expected", join(set.addresses)},
                          {"observed", join(observed)}};
            std::vector<std::string> missing;
            std::vector<std::string> unexpected;
            for (const std::string& a : set.addresses) {
                if (!contains(observed, a)) missing.push_back(a);
            }
            if (spec_.match == AddressMatch::public_only) {
                const topology::EdgePool* pool = context.model.find_edge_pool(set.pool_id);
                const auto private_ones = interface_addresses(pool);
                for (const std::string& a : observed) {
                    if (topology::is_private_address(a) || contains(private_ones, a))
                        unexpected.push_back(a);
                }
                for (const std::string& a : unexpected) v.evidence.emplace_back("unexpected", a);
                if (!unexpected.empty()) {
                    v.status = violation_status(info);
                    v.message = set.name + " resolves to the private (pre-NAT) address " +
                                join(unexpected) + "; external DNS must publish the public address";
                } else {
                    v.message = set.name + " resolves to public addresses only";
                }
                verdicts.emplace_back(server, v);
                continue;
            }
            // An address learned here that the plan lacks is evidence for the finding; it is
            // never probed (probe_runner.cpp only targets plan addresses).
            for (const std::string& a : observed) {
                if (!contains(set.addresses, a)) unexpected.push_back(a);
            }
            for (const std::string& a : missing) v.evidence.emplace_back("missing", a);
            for (const std::string& a : unexpected) v.evidence.emplace_back("unexpected", a);
            const bool none_planned = missing.size() == set.addresses.size();
            const bool bad = !unexpected.empty() || none_planned ||
                             (spec_.match == AddressMatch::equal && !missing.empty());
            if (!bad) {
                v.message = set.name + " resolves to " + join(observed) + " as planned";
            } else {
                v.status = violation_status(info);
                if (!unexpected.empty()) {
                    v.message = set.name + " resolves to " + join(unexpected) +
                                ", which the plan does not contain";
                } else if (none_planned) {
                    v.message = set.name + " does not resolve to any planned address (" +
                                join(set.addresses) + ")";
                } else {
                    v.message = set.name + " lacks " + join(missing) +
                                ": the answer set must equal the planned set";
                }
            }
            verdicts.emplace_back(server, v);
        }
        findings.push_back(combine(info, subject_text, set.where, verdicts));
    }
    return findings;
}

}  // namespace edgeplan::checks::dns_live
