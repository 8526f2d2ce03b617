// derive_plan: runs the DNS, firewall and certificate parts, then puts everything in one
// deterministic order so reports, golden files and exports do not depend on input order.
#include <algorithm>
#include <tuple>

#include "topology/plan_derivation.h"

namespace edgeplan::topology {
namespace {

auto record_key(const DnsRecord& r) {
    return std::tie(r.zone_kind, r.zone, r.name, r.type, r.value, r.port, r.priority, r.weight);
}

void order_dns(std::vector<DnsRecord>& records) {
    // The first derivation of a record wins (a pool's own Access Edge record before the same
    // name derived for a SIP domain); stable sort keeps that one first among equals.
    std::stable_sort(records.begin(), records.end(), [](const DnsRecord& a, const DnsRecord& b) {
        return record_key(a) < record_key(b);
    });
    records.erase(std::unique(records.begin(), records.end(),
                              [](const DnsRecord& a, const DnsRecord& b) {
                                  return record_key(a) == record_key(b);
                              }),
                  records.end());
}

void order_firewall(std::vector<FirewallRule>& rules) {
    // Within a pool the catalogue's row order (as generated) is kept.
    std::stable_sort(rules.begin(), rules.end(), [](const FirewallRule& a, const FirewallRule& b) {
        return a.pool_id < b.pool_id;
    });
}

void order_certificates(std::vector<CertificateRequest>& certificates) {
    std::stable_sort(certificates.begin(), certificates.end(),
                     [](const CertificateRequest& a, const CertificateRequest& b) {
                         return std::tie(a.pool_id, a.use) < std::tie(b.pool_id, b.use);
                     });
}

void order_unknowns(std::vector<Unknown>& unknowns) {
    auto key = [](const Unknown& u) { return std::tie(u.subject, u.rule, u.what); };
    std::stable_sort(unknowns.begin(), unknowns.end(),
                     [&](const Unknown& a, const Unknown& b) { return key(a) < key(b); });
    unknowns.erase(
        std::unique(unknowns.begin(), unknowns.end(),
                    [&](const Unknown& a, const Unknown& b) { return key(a) == key(b); }),
        unknowns.end());
}

}  // namespace

Plan derive_plan(const Model& model) {
    Plan plan;
    plan.features = derive_features(model);
    plan_detail::derive_dns(model, plan);
    plan_detail::derive_firewall(model, plan);
    plan_detail::derive_certificates(model, plan);
    plan_detail::derive_addressing(model, plan);
    order_dns(plan.dns);
    order_dns(plan.withheld_dns);
    order_firewall(plan.firewall);
    order_certificates(plan.certificates);
    order_unknowns(plan.unknowns);
    // The plan is held through the checks and the report: without the spare capacity of the
    // vectors' growth (room for 131,072 DNS records holding 120,001 at 20,000 members,
    // docs/performance.md).
    plan.dns.shrink_to_fit();
    plan.withheld_dns.shrink_to_fit();
    plan.firewall.shrink_to_fit();
    plan.unknowns.shrink_to_fit();
    plan.edge_pools.shrink_to_fit();
    return plan;
}

}  // namespace edgeplan::topology
