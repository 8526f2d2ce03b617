// Findings section: the filter form, then findings grouped by area and by subject, each an
// expandable <details> with its evidence, location, fix and sources. Failures and errors start
// open: they are what a reviewer reads first.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "report/finding_text.h"
#include "report/html_dom.h"
#include "report/html_sections.h"

namespace edgeplan::report::html {
namespace {

using checks::Status;

constexpr Status all_statuses[] = {Status::fail, Status::error, Status::warn, Status::pass,
                                   Status::skip};

void add_filters(pugi::xml_node section, const std::set<std::string>& areas) {
    pugi::xml_node form =
        element(section, "form", {{"id", "filters"}, {"class", "filters"}, {"role", "search"}});
    pugi::xml_node statuses = element(form, "fieldset");
    element(statuses, "legend", "Status", {});
    for (Status s : all_statuses) {
        const std::string name = to_string(s);
        pugi::xml_node label = element(statuses, "label");
        element(
            label, "input",
            {{"type", "checkbox"}, {"name", "status"}, {"value", name}, {"checked", "checked"}});
        text(label, " " + name);
    }
    pugi::xml_node area_label = element(form, "label", "Area ", {});
    pugi::xml_node select = element(area_label, "select", {{"name", "area"}});
    element(select, "option", "all areas", {{"value", ""}});
    for (const std::string& area : areas) element(select, "option", area, {{"value", area}});
    pugi::xml_node search = element(form, "label", "Text ", {});
    element(search, "input",
            {{"type", "search"}, {"name", "q"}, {"placeholder", "check ID, subject, evidence..."}});
    element(section, "p", "", {{"id", "filter-count"}, {"class", "filter-count"}});
}

// Most urgent first: a reviewer reads failures before passes.
int urgency(Status s) {
    switch (s) {
        case Status::fail:
            return 0;
        case Status::error:
            return 1;
        case Status::warn:
            return 2;
        case Status::pass:
            return 3;
        case Status::skip:
            return 4;
    }
    return 5;
}

using SubjectGroups = std::map<std::string, std::vector<std::size_t>>;

// Subjects of one area, the most urgent first, then by name.
std::vector<const SubjectGroups::value_type*> by_urgency(const Report& r,
                                                         const SubjectGroups& groups) {
    auto worst = [&](const SubjectGroups::value_type& g) {
        int w = 5;
        for (std::size_t i : g.second) w = std::min(w, urgency(r.findings[i].status));
        return w;
    };
    std::vector<const SubjectGroups::value_type*> out;
    for (const auto& g : groups) out.push_back(&g);
    std::stable_sort(out.begin(), out.end(),
                     [&](const auto* a, const auto* b) { return worst(*a) < worst(*b); });
    return out;
}

void add_evidence(pugi::xml_node body, const checks::Evidence& evidence) {
    if (evidence.empty()) {
        element(body, "p", "No evidence recorded.", {{"class", "muted"}});
        return;
    }
    pugi::xml_node table = element(body, "table", {{"class", "evidence"}});
    for (const auto& [key, value] : evidence) {
        pugi::xml_node tr = element(table, "tr");
        element(tr, "th", key, {});
        element(tr, "td", value, {{"class", "mono"}});
    }
}

void add_finding(pugi::xml_node group, const Report& report, const checks::Finding& f,
                 std::size_t index) {
    const checks::CheckInfo* info = report.info_for(f);
    const Acceptance* acceptance = report.acceptance_for(f);
    pugi::xml_node details = element(group, "details",
                                     {{"class", "finding"},
                                      {"id", finding_anchor(index)},
                                      {"data-status", to_string(f.status)},
                                      {"data-area", finding_area(info)}});
    if (f.status == Status::fail || f.status == Status::error) attribute(details, "open", "open");
    pugi::xml_node summary = element(details, "summary");
    status_badge(summary, f.status);
    element(summary, "code", f.check_id, {{"class", "check-id"}});
    element(summary, "span", f.message, {{"class", "message"}});
    if (acceptance != nullptr) {
        // The gate's mark (app/gate.h); the "Accepted findings" section lists them together.
        element(summary, "span", acceptance->waiver ? "waived" : "known",
                {{"class", "badge accepted"}});
    }

    pugi::xml_node body = element(details, "div", {{"class", "finding-body"}});
    if (f.status == Status::skip) {
        element(body, "p", "Skipped: " + (f.skip_reason.empty() ? "no reason" : f.skip_reason),
                {{"class", "skip-reason"}});
    }
    add_evidence(body, f.evidence);
    const std::string where = location_text(f.where);
    if (!where.empty()) element(body, "p", "Source: " + where, {{"class", "where mono"}});
    if (info == nullptr) return;
    const bool needs_fix = f.status == Status::fail || f.status == Status::warn;
    if (needs_fix && !checks::remediation_of(f, *info).empty()) {
        pugi::xml_node fix = element(body, "p", {{"class", "fix"}});
        element(fix, "strong", "Fix: ", {});
        text(fix, checks::remediation_of(f, *info));
    }
    pugi::xml_node about = element(body, "p", {{"class", "about muted"}});
    element(about, "a", info->title.empty() ? info->id : info->title,
            {{"href", "#" + check_anchor(report.anchor_id(*info))}});
    if (!info->citations.empty()) text(about, " - sources: " + citation_text(*info));
}

}  // namespace

void add_findings(pugi::xml_node main, const Report& report) {
    // area -> subject -> finding indexes (report order inside a subject).
    std::map<std::string, SubjectGroups> grouped;
    std::set<std::string> areas;
    for (std::size_t i = 0; i < report.findings.size(); ++i) {
        const checks::Finding& f = report.findings[i];
        const std::string area = finding_area(report.info_for(f));
        grouped[area][f.subject].push_back(i);
        areas.insert(area);
    }
    pugi::xml_node section = element(main, "section", {{"id", "findings"}});
    element(section, "h2", "Findings", {});
    if (report.findings.empty()) {
        element(section, "p", "No findings.", {{"class", "muted"}});
        return;
    }
    add_filters(section, areas);
    for (const auto& [area, subjects] : grouped) {
        pugi::xml_node area_section =
            element(section, "section", {{"class", "area"}, {"data-area", area}});
        element(area_section, "h3", "Area: " + area, {});
        for (const auto* entry : by_urgency(report, subjects)) {
            const auto& [subject, indexes] = *entry;
            pugi::xml_node group = element(area_section, "div", {{"class", "subject-group"}});
            pugi::xml_node heading = element(group, "h4");
            element(heading, "code", subject.empty() ? "(no subject)" : subject, {});
            for (std::size_t i : indexes) {
                const checks::Finding& f = report.findings[i];
                add_finding(group, report, f, i);
            }
        }
    }
}

}  // namespace edgeplan::report::html
