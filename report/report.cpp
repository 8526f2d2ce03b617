#include "report/report.h"

namespace edgeplan::report {

Summary Report::summary() const {
    Summary s;
    for (const checks::Finding& f : findings) {
        switch (f.status) {
            case checks::Status::pass:
                ++s.pass;
                break;
            case checks::Status::warn:
                ++s.warn;
                break;
            case checks::Status::fail:
                ++s.fail;
                break;
            case checks::Status::skip:
                ++s.skip;
                break;
            case checks::Status::error:
                ++s.error;
                break;
        }
    }
    return s;
}

const checks::CheckInfo* Report::info_for(const std::string& check_id) const {
    const auto it = catalogue.find(check_id);
    return it == catalogue.end() ? nullptr : &it->second;
}

const Acceptance* Report::acceptance_for(const checks::Finding& finding) const {
    const auto it = accepted.find({finding.check_id, finding.subject});
    return it == accepted.end() ? nullptr : &it->second;
}

const checks::Waiver* Report::expired_waiver_for(const checks::Finding& finding) const {
    if (!expired_waivers) return nullptr;
    const auto it = expired_waivers->find({finding.check_id, finding.subject});
    return it == expired_waivers->end() ? nullptr : &it->second;
}

}  // namespace edgeplan::report
