#include "checks/pic/ended_service.h"

#include <algorithm>

#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

std::vector<Finding> judge_ended_service(const CheckInfo& info, const CheckContext& context,
                                         const EndedService& service) {
    const bool ended = context.now >= service.ended;
    std::vector<Finding> findings;
    for (const PublicProvider& p : context.model.federation.public_providers) {
        if (std::find(service.kinds.begin(), service.kinds.end(), p.kind) == service.kinds.end()) {
            continue;
        }
        const std::string subject = provider_subject(to_string(p.kind));
        const Evidence evidence{{"expected", service.expected}};
        if (!p.enabled) {
            findings.push_back(make_finding(info, Status::pass, subject,
                                            "provider entry is disabled", p.where, evidence));
        } else if (ended) {
            findings.push_back(make_finding(info, Status::warn, subject, service.enabled_after,
                                            p.where, evidence));
        } else {
            findings.push_back(make_finding(info, Status::pass, subject, service.enabled_before,
                                            p.where, evidence));
        }
    }
    return or_not_applicable(info, std::move(findings), service.no_entry);
}

}  // namespace edgeplan::checks
