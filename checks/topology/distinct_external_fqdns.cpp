#include "checks/topology/distinct_external_fqdns.h"

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& DistinctExternalFqdnsCheck::info() const {
    static const CheckInfo kInfo{
        "TOPO-04",
        "Unless single-FQDN mode is chosen, the SIP Access, Web Conferencing and A/V Edge "
        "services have three distinct external FQDNs on the default port 443",
        "topology",
        CheckKind::offline,
        Severity::must,
        {"S1", "S2", "S3", "S4", "S5"},
        {cite("DEFTOPO")},
        "Give the Access, Web Conferencing and A/V Edge services three different external FQDNs "
        "(the VIP FQDNs with hardware load balancing), or choose single FQDN and IP mode"};
    return kInfo;
}

// DEFTOPO: three FQDNs keep the default ports; single-FQDN mode is the only alternative.
std::vector<Finding> DistinctExternalFqdnsCheck::evaluate(const CheckContext& context) const {
    std::vector<Finding> findings;
    for (const EdgePool& pool : context.model.edge_pools) {
        if (pool.single_ip) continue;
        const std::string subject = pool_subject(pool.id);
        const std::string& a = pool.access.fqdn;
        const std::string& w = pool.webconf.fqdn;
        const std::string& v = pool.av.fqdn;
        const Evidence evidence{{"fqdn", a}, {"fqdn", w}, {"fqdn", v}};
        if (a.empty() || w.empty() || v.empty()) {
            findings.push_back(unknown_input(
                info(), subject, "an external FQDN (Access, Web Conferencing or A/V) is not stated",
                pool.where));
        } else if (iequals(a, w) || iequals(a, v) || iequals(w, v)) {
            findings.push_back(make_finding(
                info(), Status::fail, subject,
                "external FQDNs are not distinct: access " + a + ", webconf " + w + ", av " + v,
                pool.where, evidence));
        } else if (pool.ports.access_client != 443 || pool.ports.webconf != 443 ||
                   pool.ports.av_tcp != 443) {
            findings.push_back(make_finding(info(), Status::warn, subject,
                                            "three FQDNs but not the default port 443: access " +
                                                std::to_string(pool.ports.access_client) +
                                                ", webconf " + std::to_string(pool.ports.webconf) +
                                                ", av " + std::to_string(pool.ports.av_tcp),
                                            pool.where, {{"expected", "443"}}));
        } else {
            findings.push_back(make_finding(info(), Status::pass, subject,
                                            "three distinct external FQDNs on port 443", pool.where,
                                            evidence));
        }
    }
    return or_not_applicable(info(), std::move(findings),
                             "no Edge pool uses three external FQDNs (none, or single-FQDN mode)");
}

}  // namespace edgeplan::checks
