#include "checks/federation/ocs_partners_dns_lb.h"

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& OcsPartnersDnsLbCheck::info() const {
    static const CheckInfo kInfo{
        "FED-09",
        "Federation partners running OCS 2007 or OCS 2007 R2 are reached through a hardware "
        "load-balanced (not DNS load-balanced) federation pool when they need failover",
        "federation",
        CheckKind::offline,
        Severity::should,
        {"S3", "S4", "FED-OCS2007"},
        {cite("PLAN-FED"), cite("PLAN-LYNCFED"), cite("TOPOCHOICE"), cite("HLBREQ"), cite("DNSLB")},
        "Use hardware load balancing on the federation Edge pool if OCS 2007/R2 partners need "
        "high availability"};
    return kInfo;
}

// PLAN-FED, TOPOCHOICE, HLBREQ (also LB-03): OCS 2007/R2 are not DNS-LB aware; they use the
// first Edge that answers and do not fail over.
std::vector<Finding> OcsPartnersDnsLbCheck::evaluate(const CheckContext& context) const {
    const Model& model = context.model;
    const EdgePool* dns_pool = nullptr;
    for (const EdgePool* pool : federation_pools(model)) {
        if (pool->load_balancing == LoadBalancing::dns) dns_pool = pool;
    }
    if (dns_pool == nullptr) {
        return {not_applicable(info(), "no DNS load-balanced Edge pool carries federation")};
    }
    std::vector<Finding> findings;
    for (const AllowedDomain& partner : model.federation.allowed) {
        const std::string subject = partner_subject(lower(partner.domain));
        const Evidence evidence{{"observed", to_string(partner.version)}};
        switch (partner.version) {
            case PartnerVersion::unknown: {
                const std::string xml = "<AllowedDomain domain=\"" +
                                        xml_attribute_text(lower(partner.domain)) +
                                        "\" version=\"sfb|lync2013|lync2010|ocs2007r2|ocs2007\"/>";
                findings.push_back(unknown_stated_by_hand(
                    info(), subject, "the partner's server version is not stated",
                    "ask the partner (no cmdlet of yours exports it), then write " + xml +
                        " in the <Federation> of --settings (a list there replaces the whole "
                        "allowed-domain list: state every partner)",
                    xml, partner.where));
                break;
            }
            case PartnerVersion::ocs2007:
            case PartnerVersion::ocs2007r2:
                findings.push_back(make_finding(
                    info(), Status::warn, subject,
                    std::string(to_string(partner.version)) +
                        " partner is not DNS load-balancing aware: no failover through DNS "
                        "load-balanced pool " +
                        dns_pool->id,
                    partner.where, evidence));
                break;
            default:
                findings.push_back(make_finding(info(), Status::pass, subject,
                                                "partner server is DNS load-balancing aware",
                                                partner.where, evidence));
        }
    }
    return or_not_applicable(info(), std::move(findings), "no allowed partner domain is listed");
}

}  // namespace edgeplan::checks
