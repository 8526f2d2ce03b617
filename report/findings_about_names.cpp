#include "report/findings_about_names.h"

#include "report/export_text.h"

namespace edgeplan::report {
namespace {

// The name a plan:<name>/<TYPE>=<value> or dns:<name>/<TYPE> subject is about (up to the last
// '/': neither a type nor an address holds one); empty for other subjects.
std::string_view subject_name(const std::string& subject) {
    for (const std::string_view scheme : {std::string_view("plan:"), std::string_view("dns:")}) {
        if (subject.compare(0, scheme.size(), scheme) != 0) continue;
        const std::size_t slash = subject.rfind('/');
        if (slash == std::string::npos || slash < scheme.size()) return {};
        return std::string_view(subject).substr(scheme.size(), slash - scheme.size());
    }
    return {};
}

// The value of the last evidence `key` (the notes have always read the last one), or null.
const std::string* last_evidence(const checks::Finding& f, const char* key) {
    const std::string* out = nullptr;
    for (const auto& [k, text] : f.evidence) {
        if (k == key) out = &text.str();
    }
    return out;
}

}  // namespace

FindingsAboutNames::FindingsAboutNames(const std::vector<checks::Finding>& findings,
                                       const std::function<bool(const checks::Finding&)>& keep)
    : findings_(findings) {
    for (std::size_t i = 0; i < findings.size(); ++i) {
        const checks::Finding& f = findings[i];
        if (f.status != checks::Status::fail && f.status != checks::Status::warn) continue;
        if (keep && !keep(f)) continue;
        const std::string_view by_subject = subject_name(f.subject);
        if (!by_subject.empty()) by_name_[by_subject].push_back(i);
        const std::string* fqdn = last_evidence(f, "fqdn");
        if (fqdn != nullptr && !fqdn->empty() && *fqdn != by_subject) by_name_[*fqdn].push_back(i);
    }
}

std::vector<std::string> FindingsAboutNames::about(const std::string& name,
                                                   const std::string& value) const {
    std::vector<std::string> out;
    const auto found = by_name_.find(name);
    if (found == by_name_.end()) return out;
    for (const std::size_t i : found->second) {
        const checks::Finding& f = findings_[i];
        const std::string* ip = last_evidence(f, "ip");
        if (!value.empty() && ip != nullptr && !ip->empty() && *ip != value) continue;
        const std::size_t equals = f.subject.find('=');
        if (!value.empty() && (ip == nullptr || ip->empty()) && equals != std::string::npos &&
            f.subject.compare(equals + 1, std::string::npos, value) != 0) {
            continue;
        }
        out.push_back(std::string(f.status == checks::Status::fail ? "FAIL " : "WARN ") +
                      f.check_id + ": " + export_text::comment_text(f.message));
    }
    return out;
}

}  // namespace edgeplan::report
