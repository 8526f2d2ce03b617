#include "checks/dns/fqdn_characters.h"

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& FqdnCharactersCheck::info() const {
    static const CheckInfo kInfo{
        "DNS-NAME-01",
        "FQDNs of Lync servers, Edge Servers and pools use only A-Z, a-z, 0-9 and hyphen (no "
        "underscore, no Unicode)",
        "dns",
        CheckKind::offline,
        Severity::must,
        {"S1", "S2", "S3", "S4", "S5"},
        {cite("DNSREQ"), cite("DEFTOPO")},
        "Rename the server or pool with standard characters only (letters, digits, hyphen)"};
    return kInfo;
}

namespace {

void judge(const CheckInfo& info, const std::string& subject, std::vector<std::string> names,
           const SourceLocation& where, std::vector<Finding>& findings) {
    std::vector<std::string> bad;
    Evidence evidence;
    for (const std::string& name : names) {
        if (name.empty()) continue;
        evidence.emplace_back("fqdn", name);
        if (!is_standard_fqdn(name)) bad.push_back(name);
    }
    if (evidence.empty()) return;
    findings.push_back(
        make_finding(info, bad.empty() ? Status::pass : Status::fail, subject,
                     bad.empty() ? "standard characters only" : "non-standard FQDN: " + join(bad),
                     where, std::move(evidence)));
}

}  // namespace

// DNSREQ, DEFTOPO: standard characters only; every FQDN in the model, grouped by the element
// that names it.
std::vector<Finding> FqdnCharactersCheck::evaluate(const CheckContext& context) const {
    const Model& model = context.model;
    std::vector<Finding> findings;
    for (const InternalPool& pool : model.internal_pools) {
        std::vector<std::string> names{pool.fqdn};
        for (const Server& server : pool.servers) names.push_back(server.fqdn);
        judge(info(), pool_subject(pool.id), names, pool.where, findings);
    }
    for (const BranchAppliance& sba : model.branch_appliances) {
        judge(info(), pool_subject(sba.fqdn), {sba.fqdn}, sba.where, findings);
    }
    for (const EdgePool& pool : model.edge_pools) {
        std::vector<std::string> names{pool.internal_fqdn, pool.access.fqdn, pool.webconf.fqdn,
                                       pool.av.fqdn};
        if (pool.vips) names.push_back(pool.vips->internal_fqdn);
        judge(info(), pool_subject(pool.id), names, pool.where, findings);
        for (const EdgeMember& member : pool.members) {
            judge(info(), member_subject(member.internal_fqdn), {member.internal_fqdn},
                  member.where, findings);
        }
    }
    return or_not_applicable(info(), std::move(findings), "the topology names no server");
}

}  // namespace edgeplan::checks
