#pragma once
// One judgement for public IM providers whose service has ended (PIC-08: AOL and Yahoo!; PIC-09:
// Skype consumer): a disabled entry passes, an enabled one passes before the end and warns from
// the end on. Only the providers, the date and the words differ between the rules.
#include <string>
#include <vector>

#include "checks/check.h"

namespace edgeplan::checks {

struct EndedService {
    std::vector<topology::PublicProviderKind> kinds;  // the entries the service stands behind
    Clock::time_point ended;                          // first moment the service is gone
    std::string expected;                             // the evidence's "expected" value
    std::string enabled_after;                        // message for an enabled entry, ended
    std::string enabled_before;                       // message for an enabled entry, not yet
    std::string no_entry;                             // why the rule does not apply
};

std::vector<Finding> judge_ended_service(const CheckInfo& info, const CheckContext& context,
                                         const EndedService& service);

}  // namespace edgeplan::checks
