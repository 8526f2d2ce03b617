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

CatalogueKey catalogue_key(const checks::CheckInfo& info) { return {info.id, info.kind}; }

const checks::CheckInfo* Report::info_for(const checks::Finding& finding) const {
    const auto exact = catalogue.find({finding.check_id, finding.kind});
    if (exact != catalogue.end()) return &exact->second;
    const auto first = catalogue.lower_bound({finding.check_id, checks::CheckKind::offline});
    return first == catalogue.end() || first->first.id != finding.check_id ? nullptr
                                                                           : &first->second;
}

std::string Report::anchor_id(const checks::CheckInfo& info) const {
    const auto first = catalogue.lower_bound({info.id, checks::CheckKind::offline});
    const bool is_first =
        first == catalogue.end() || first->first.id != info.id || first->first.kind == info.kind;
    return is_first ? info.id : info.id + "-" + checks::to_string(info.kind);
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
