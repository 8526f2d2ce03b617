#include "checks/federation/allowed_domain_entries.h"

#include <unordered_map>
#include <unordered_set>

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
    // Hashed, not ordered: 100,000 entries are within the input limits (docs/performance.md),
    // and the blocked list is looked up once per entry instead of walked.
    struct Seen {
        int count = 0;
        bool reported = false;
    };
    std::unordered_map<std::string, Seen> seen;
    seen.reserve(fed.allowed.size());
    for (const AllowedDomain& entry : fed.allowed) ++seen[lower(entry.domain)].count;
    std::unordered_set<std::string> blocked;
    for (const BlockedDomain& b : fed.blocked) blocked.insert(lower(b.domain));
    std::vector<Finding> findings;
    for (const AllowedDomain& entry : fed.allowed) {
        const std::string domain = lower(entry.domain);
        Seen& entry_seen = seen[domain];
        if (entry_seen.reported) continue;
        entry_seen.reported = true;
        std::vector<std::string> problems;
        if (entry_seen.count > 1) {
            problems.push_back("listed " + std::to_string(entry_seen.count) + " times");
        }
        if (domain.size() > 256) {
            problems.push_back(std::to_string(domain.size()) + " characters (limit 256)");
        }
        if (blocked.count(domain) != 0) problems.push_back("also on the blocked list");
        findings.push_back(make_finding(
            info(), problems.empty() ? Status::pass : Status::fail,
            partner_subject(domain.size() > 256 ? domain.substr(0, 256) : domain),
            problems.empty() ? "valid allowed domain entry" : join(problems, "; "), entry.where));
    }
    return or_not_applicable(info(), std::move(findings), "no allowed domain is configured");
}

}  // namespace edgeplan::checks
