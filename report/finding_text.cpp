#include "report/finding_text.h"

#include "report/source_links.h"

namespace edgeplan::report {

std::string citation_text(const checks::CheckInfo& info) {
    std::string line;
    for (const checks::Citation& c : info.citations) {
        if (!line.empty()) line += "; ";
        line += c.key;
        const std::string url = citation_url(c);
        if (!c.page.empty() && !url.empty() && url != c.page) {
            line += " (" + c.page + " <" + url + ">)";
        } else if (!c.page.empty()) {
            line += " (" + c.page + ")";
        }
    }
    return line;
}

std::string finding_details(const checks::Finding& f, const checks::CheckInfo* info) {
    std::string out;
    if (f.where.known() || !f.where.file.empty()) out += "at: " + f.where.to_string() + "\n";
    for (const auto& [key, value] : f.evidence) out += key + "=" + value + "\n";
    if (f.status == checks::Status::skip && !f.skip_reason.empty()) {
        out += "skip: " + f.skip_reason + "\n";
    }
    if (info == nullptr) return out;
    const bool needs_fix = f.status == checks::Status::fail || f.status == checks::Status::warn;
    const std::string& fix = checks::remediation_of(f, *info);
    if (needs_fix && !fix.empty()) out += "fix: " + fix + "\n";
    if (!info->citations.empty()) out += "cite: " + citation_text(*info) + "\n";
    return out;
}

std::string finding_area(const checks::CheckInfo* info) {
    return info != nullptr && !info->area.empty() ? info->area : "uncatalogued";
}

}  // namespace edgeplan::report
