#include "checks/certificates/certificate_names_match_dns.h"

#include <unordered_map>

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& CertificateNamesMatchDnsCheck::info() const {
    static const CheckInfo kInfo{"CERT-EXT-18",
                                 "External certificate names use standard characters and include "
                                 "every external Access and Web Conferencing DNS name of the plan",
                                 "certificates",
                                 CheckKind::offline,
                                 Severity::must,
                                 {"S1", "S2", "S3", "S4", "S5"},
                                 {cite("CS-S1"), cite("DNSREQ"), cite("DEFTOPO")},
                                 "Use names of A-Z, a-z, 0-9 and hyphen, and put every Access/Web "
                                 "Conferencing A-record name on the certificate"};
    return kInfo;
}

// CS-S1...S5 intro, DNSREQ: certificate names pair with the DNS records; public CAs reject
// non-standard characters.
std::vector<Finding> CertificateNamesMatchDnsCheck::evaluate(const CheckContext& context) const {
    // The external service A/AAAA records grouped by pool once: scanning the whole DNS plan for
    // each pool was quadratic in the number of pools.
    std::unordered_map<std::string, std::vector<const DnsRecord*>> records_by_pool;
    for (const DnsRecord& r : context.plan.dns) {
        const bool service =
            r.role == topology::DnsRole::access_edge || r.role == topology::DnsRole::webconf_edge;
        if (r.zone_kind == DnsZoneKind::external && service &&
            (r.type == DnsRecordType::a || r.type == DnsRecordType::aaaa)) {
            records_by_pool[r.pool_id].push_back(&r);
        }
    }
    return for_each_planned_certificate(
        info(), context.model, CertificateUse::external,
        [&](const EdgePool& pool, const CertificateSpec& spec, const std::string& subject,
            std::vector<Finding>& out) {
            std::vector<std::string> problems;
            std::vector<std::string> names = spec.sans;
            if (spec.subject) names.push_back(*spec.subject);
            for (const std::string& name : names) {
                const std::string bare = name.rfind("*.", 0) == 0 ? name.substr(2) : name;
                if (!is_standard_fqdn(bare)) problems.push_back("non-standard name " + name);
            }
            Evidence evidence;
            const NameSet sans(spec.sans);
            NameSet missing;  // each missing name reported once
            const auto records = records_by_pool.find(pool.id);
            if (records != records_by_pool.end()) {
                for (const DnsRecord* r : records->second) {
                    evidence.emplace_back("fqdn", r->name);
                    if (!sans.contains(r->name) && missing.insert(r->name)) {
                        problems.push_back("DNS name " + r->name + " not in SAN");
                    }
                }
            }
            out.push_back(
                make_finding(info(), problems.empty() ? Status::pass : Status::fail, subject,
                             problems.empty() ? "names are standard and cover the plan's DNS names"
                                              : join(problems, "; "),
                             spec.where, std::move(evidence)));
        });
}

}  // namespace edgeplan::checks
