#include "checks/pic/ended_providers.h"

#include "checks/citations.h"
#include "checks/offline_support.h"
#include "checks/pic/ended_service.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& EndedProvidersCheck::info() const {
    static const CheckInfo kInfo{
        "PIC-08",
        "No public IM provider whose service has ended (AOL and Yahoo!, 30 June 2014) is enabled",
        "pic",
        CheckKind::offline,
        Severity::should,
        {"PIC-AOL", "PIC"},
        {cite("PIC-STATUS"), cite("PIC-FAQ")},
        "Disable the AOL and Yahoo! public providers (Set-CsPublicProvider <name> -Enabled "
        "$False)"};
    return kInfo;
}

// PIC-STATUS, PIC-FAQ; severity per A-20 (warn). Reads context.now only.
std::vector<Finding> EndedProvidersCheck::evaluate(const CheckContext& context) const {
    // The services ended on 30 June 2014: from 1 July 2014 00:00 UTC they are gone.
    return judge_ended_service(info(), context,
                               {{PublicProviderKind::aol, PublicProviderKind::yahoo},
                                utc_date(2014, 7, 1),
                                "service ends 2014-06-30",
                                "provider is enabled but its service ended on 30 June 2014",
                                "provider is enabled; its service ends on 30 June 2014",
                                "no AOL or Yahoo! provider entry"});
}

}  // namespace edgeplan::checks
