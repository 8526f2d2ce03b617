#include "checks/federation/allowed_domain_entries.h"

#include <map>

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& AllowedDomainEntriesCheck::info() const {
    static const CheckInfo kInfo{
        "FED-07",
        "Allowed domain entries are unique, at most 256 characters long, and never also blocked",
        "federation",
        CheckKind::offline,
        Severity::must,
        {"FED"},
        {cite("ALLOWDOM")},
        "Remove the duplicate or blocked entry (Remove-CsAllowedDomain / Remove-CsBlockedDomain) "
        "and keep domain names within 256 characters"};
    return kInfo;
}

// ALLOWDOM: each allowed domain is unique, <= 256 characters, and cannot be on both lists.
std::vector<Finding> AllowedDomainEntriesCheck::evaluate(const CheckContext& context) const {
    const FederationSettings& fed = context.model.federation;
    std::map<std::string, int> count;
    for (const AllowedDomain& entry : fed.allowed) ++count[lower(entry.domain)];
    std::vector<Finding> findings;
    std::map<std::string, bool> reported;
    for (const AllowedDomain& entry : fed.allowed) {
        const std::string domain = lower(entry.domain);
        if (reported[domain]) continue;
        reported[domain] = true;
        std::vector<std::string> problems;
        if (count[domain] > 1) {
            problems.push_back("listed " + std::to_string(count[domain]) + " times");
        }
        if (domain.size() > 256) {
            problems.push_back(std::to_string(domain.size()) + " characters (limit 256)");
        }
        for (const BlockedDomain& blocked : fed.blocked) {
            if (iequals(blocked.domain, domain)) {
                problems.push_back("also on the blocked list");
                break;
            }
        }
        findings.push_back(make_finding(
            info(), problems.empty() ? Status::pass : Status::fail,
            partner_subject(domain.size() > 256 ? domain.substr(0, 256) : domain),
            problems.empty() ? "valid allowed domain entry" : join(problems, "; "), entry.where));
    }
    return or_not_applicable(info(), std::move(findings), "no allowed domain is configured");
}

}  // namespace edgeplan::checks
