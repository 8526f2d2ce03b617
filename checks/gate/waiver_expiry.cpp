#include "checks/gate/waiver_expiry.h"

#include "checks/waiver.h"
#include "topology/subjects.h"

namespace edgeplan::checks {

const CheckInfo& WaiverExpiryCheck::info() const {
    static const CheckInfo kInfo{
        kWaiverExpiryId,
        "Every waiver of the --waivers file is still within its expiry date",
        "gate",
        CheckKind::offline,
        Severity::must,
        {"S1", "S2", "S3", "S4", "S5"},
        {Citation{"EDGEPLAN-WAIVERS", "docs/waivers.md"}},
        "Fix the waived finding, or renew the waiver with a new reason and expiry date"};
    return kInfo;
}

// No catalogue row: an accepted risk must be looked at again when its date passes, so an
// expired waiver stops hiding its finding and fails on its own (docs/checks/WAIVER-01.md).
std::vector<Finding> WaiverExpiryCheck::evaluate(const CheckContext& context) const {
    if (context.waivers == nullptr) return {};  // no --waivers: nothing to report
    std::vector<Finding> findings;
    for (const Waiver& w : *context.waivers) {
        const bool active = waiver_active(w, context.now);
        const std::string what = w.check_id + " on " + w.subject;
        findings.push_back(make_finding(info(), active ? Status::pass : Status::fail,
                                        subjects::waiver_subject(w.check_id, w.subject),
                                        active ? "waiver of " + what + " holds until " + w.expires
                                               : "waiver of " + what + " expired on " + w.expires +
                                                     "; the finding counts again",
                                        w.where,
                                        {{"rule", w.check_id},
                                         {"expected", "expires after the run date"},
                                         {"observed", w.expires},
                                         {"reason", w.reason}}));
    }
    return findings;
}

}  // namespace edgeplan::checks
