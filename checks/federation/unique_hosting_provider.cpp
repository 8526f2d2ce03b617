#include "checks/federation/unique_hosting_provider.h"

#include <map>

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& UniqueHostingProviderCheck::info() const {
    static const CheckInfo kInfo{
        "FED-08",
        "Each hosting provider ProxyFqdn appears in only one hosting provider entry",
        "federation",
        CheckKind::offline,
        Severity::must,
        {"FED"},
        {cite("LYNCONLINE"), cite("HOSTPROV")},
        "Keep one hosting provider per ProxyFqdn (Remove-CsHostingProvider the duplicate)"};
    return kInfo;
}

// LYNCONLINE: there is only one hosting provider entry per ProxyFqdn.
std::vector<Finding> UniqueHostingProviderCheck::evaluate(const CheckContext& context) const {
    const auto& providers = context.model.federation.hosting_providers;
    std::map<std::string, std::vector<std::string>> by_fqdn;
    for (const HostingProvider& p : providers) by_fqdn[lower(p.proxy_fqdn)].push_back(p.name);
    std::vector<Finding> findings;
    for (const HostingProvider& p : providers) {
        const std::string subject = provider_subject(p.name);
        if (p.proxy_fqdn.empty()) {
            findings.push_back(make_finding(info(), Status::fail, subject,
                                            "hosting provider has no ProxyFqdn", p.where));
            continue;
        }
        const auto& sharing = by_fqdn[lower(p.proxy_fqdn)];
        findings.push_back(make_finding(
            info(), sharing.size() > 1 ? Status::fail : Status::pass, subject,
            sharing.size() > 1 ? "ProxyFqdn " + p.proxy_fqdn + " is used by " + join(sharing)
                               : "ProxyFqdn " + p.proxy_fqdn + " is used by this entry only",
            p.where, {{"fqdn", p.proxy_fqdn}}));
    }
    return or_not_applicable(info(), std::move(findings), "no hosting provider is configured");
}

}  // namespace edgeplan::checks
