#include "checks/pic/skype_consumer_retired.h"

#include "checks/citations.h"
#include "checks/offline_support.h"
#include "checks/pic/ended_service.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& SkypeConsumerRetiredCheck::info() const {
    static const CheckInfo kInfo{
        "PIC-09",
        "No public IM provider for Skype consumer (Windows Live / federation.messenger.msn.com) "
        "is enabled after Skype's retirement on 5 May 2025",
        "pic",
        CheckKind::offline,
        Severity::should,
        {"PIC"},
        {cite("SKYPE"),
         Citation{"SKYPE-RETIRED",
                  "https://support.microsoft.com/en-us/skype/"
                  "skype-is-retiring-in-may-2025-what-you-need-to-know-2a7d2501-427f-485e-8be0-"
                  "2068a9f90472"}},
        "Disable the Skype / Windows Live public provider (Set-CsPublicProvider <name> -Enabled "
        "$False); Skype users moved to Teams (free)"};
    return kInfo;
}

// SKYPE: the Skype and Windows Live providers both federate through
// federation.messenger.msn.com, the Skype consumer service. SKYPE-RETIRED: Microsoft retired
// Skype in May 2025, the last day being 4 May; from 5 May 2025 00:00 UTC it is gone. Judged like
// PIC-08 (AOL, Yahoo!): an enabled entry of an ended service warns, as A-20 reads it. Reads
// context.now only.
std::vector<Finding> SkypeConsumerRetiredCheck::evaluate(const CheckContext& context) const {
    return judge_ended_service(
        info(), context,
        {{PublicProviderKind::skype, PublicProviderKind::windows_live},
         utc_date(2025, 5, 5),
         "Skype consumer retired 2025-05-05",
         "provider is enabled but Skype consumer, the service behind it, was retired on 5 May 2025",
         "provider is enabled; Skype consumer retires on 5 May 2025",
         "no Skype or Windows Live provider entry"});
}

}  // namespace edgeplan::checks
