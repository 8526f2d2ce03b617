#include "checks/certificates/usage_assignments.h"

#include "topology/strings.h"

namespace edgeplan::checks::certificates {

using namespace topology;

PoolAssignments external_assignments(const EdgePool& pool) {
    PoolAssignments out;
    for (const CertificateSpec& spec : pool.certificates) {
        if (spec.use != CertificateUse::external) continue;
        for (const CertificateSpec::Assignment& a : spec.assignments) {
            for (const char* usage :
                 {kAccessEdgeExternal, kDataEdgeExternal, kAudioVideoAuthentication}) {
                // Use values compare case-blind, as PowerShell does; the first record wins.
                if (strings::iequals(a.usage, usage))
                    out[a.server].emplace(usage, UsageAssignment{&spec, a.where});
            }
        }
        // A certificate with usages of other kinds only (XmppServer) still counts as stated.
        if (!spec.assignments.empty()) out[spec.assignments.front().server];
    }
    return out;
}

std::string server_label(const std::string& server) {
    return server.empty() ? std::string("every Edge Server") : server;
}

}  // namespace edgeplan::checks::certificates
