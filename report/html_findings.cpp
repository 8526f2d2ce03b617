// Findings section: the filter form, then the findings most urgent first (fail, error, warn,
// pass, skip), those sharing one cause gathered under it (finding_groups.h). Each finding is an
// expandable <details> with its evidence, location, fix and linked sources. By default only
// fail, error and warn show; checks that do not apply are counted in one line and shown on
// demand; the filter state lives in the URL fragment (html_assets.cpp).
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "report/finding_groups.h"
#include "report/finding_text.h"
#include "report/html_dom.h"
#include "report/html_sections.h"
#include "report/subject_words.h"

namespace edgeplan::report::html {
namespace {

using checks::Status;

constexpr Status all_statuses[] = {Status::fail, Status::error, Status::warn, Status::pass,
                                   Status::skip};

bool shown_by_default(Status s) {
    return s == Status::fail || s == Status::error || s == Status::warn;
}

void add_filters(pugi::xml_node section, const std::set<std::string>& areas, int not_applicable) {
    pugi::xml_node form =
        element(section, "form", {{"id", "filters"}, {"class", "filters"}, {"role", "search"}});
    pugi::xml_node statuses = element(form, "fieldset");
    element(statuses, "legend", "Status", {});
    for (Status s : all_statuses) {
        const std::string name = to_string(s);
        pugi::xml_node label = element(statuses, "label");
        pugi::xml_node box =
            element(label, "input", {{"type", "checkbox"}, {"name", "status"}, {"value", name}});
        if (shown_by_default(s)) attribute(box, "checked", "checked");
        text(label, " " + name);
    }
    pugi::xml_node area_label = element(form, "label", "Area ", {});
    pugi::xml_node select = element(area_label, "select", {{"name", "area"}});
    element(select, "option", "all areas", {{"value", ""}});
    for (const std::string& area : areas) {
        element(select, "option", area_in_words(area), {{"value", area}});
    }
    pugi::xml_node search = element(form, "label", "Text ", {});
    element(search, "input",
            {{"type", "search"}, {"name", "q"}, {"placeholder", "check ID, subject, evidence..."}});
    if (not_applicable > 0) {
        pugi::xml_node label = element(form, "label", {{"class", "na-line"}});
        element(label, "input", {{"type", "checkbox"}, {"name", "na"}, {"value", "1"}});
        text(label, " show the " + std::to_string(not_applicable) +
                        (not_applicable == 1 ? " check that does" : " checks that do") +
                        " not apply to this topology");
    }
    // In the form's last row rather than a line of its own: the first card stays on the first
    // screen (docs/report-format.md "HTML").
    element(form, "p", "", {{"id", "filter-count"}, {"class", "filter-count"}});
}

void add_evidence(pugi::xml_node body, const checks::Evidence& evidence) {
    if (evidence.empty()) {
        element(body, "p", "No evidence recorded.", {{"class", "muted"}});
        return;
    }
    pugi::xml_node table = element(scroll_box(body), "table", {{"class", "evidence"}});
    for (const auto& [key, value] : evidence) {
        pugi::xml_node tr = element(table, "tr");
        element(tr, "th", key, {});
        element(tr, "td", value, {{"class", "mono"}});
    }
}

void add_finding(pugi::xml_node parent, const Report& report, const checks::Finding& f,
                 std::size_t index, const checks::CheckInfo* info, const Acceptance* acceptance,
                 bool open) {
    pugi::xml_node details = element(parent, "details",
                                     {{"class", "finding"},
                                      {"id", finding_anchor(index)},
                                      {"data-status", to_string(f.status)},
                                      {"data-area", finding_area(info)}});
    if (is_not_applicable(f)) attribute(details, "data-na", "1");
    if (open) attribute(details, "open", "open");
    pugi::xml_node summary = element(details, "summary");
    status_badge(summary, f.status);
    element(summary, "code", f.check_id, {{"class", "check-id"}});
    element(summary, "span", subject_in_words(f.subject), {{"class", "subject"}});
    element(summary, "span", f.message, {{"class", "message"}});
    if (acceptance != nullptr) {
        // The gate's mark (app/gate.h); the "Accepted findings" section lists them together.
        element(summary, "span", acceptance->waiver ? "waived" : "known",
                {{"class", "badge accepted"}});
    }

    pugi::xml_node body = element(details, "div", {{"class", "finding-body"}});
    if (f.status == Status::skip) {
        element(body, "p",
                "Skipped: " + (f.skip_reason.empty() ? std::string("no reason") : f.skip_reason),
                {{"class", "skip-reason"}});
    }
    if (info != nullptr) {
        const bool needs_fix = f.status == Status::fail || f.status == Status::warn;
        if (needs_fix && !checks::remediation_of(f, *info).empty()) {
            pugi::xml_node fix = element(body, "p", {{"class", "fix"}});
            element(fix, "strong", "Fix: ", {});
            text(fix, checks::remediation_of(f, *info));
        }
    }
    add_evidence(body, f.evidence);
    pugi::xml_node subject = element(body, "p", {{"class", "where"}});
    text(subject, "Subject: ");
    element(subject, "code", f.subject.empty() ? "(none)" : f.subject, {});
    const std::string where = location_text(f.where);
    if (!where.empty()) {
        text(subject, " - source: ");
        element(subject, "code", where, {});
    }
    if (info == nullptr) return;
    pugi::xml_node about = element(body, "p", {{"class", "about muted"}});
    element(about, "a", info->title.empty() ? info->id : info->title,
            {{"href", "#" + check_anchor(report.anchor_id(*info))}});
    if (!info->citations.empty()) {
        text(about, " - sources: ");
        citation_links(about, *info);
    }
}

// One root cause: its words, its findings (the first one open), then each distinct fix once,
// as in the text report; the fixes after the cards keep the first card near the top.
void add_group(pugi::xml_node parent, const Report& r, const FindingGroup& g, std::size_t number,
               PageWriter& page) {
    pugi::xml_node section = element(parent, "section",
                                     {{"class", "cause"},
                                      {"id", "cause-" + std::to_string(number)},
                                      {"data-status", to_string(g.status)},
                                      {"data-group", g.id}});
    pugi::xml_node heading = element(section, "h3");
    status_badge(heading, g.status);
    text(heading, " " + std::to_string(g.members.size()) + " findings, one cause: " + g.cause);
    bool first = true;
    for (std::size_t i : g.members) {
        const checks::Finding& f = r.findings[i];
        const bool open = first && (f.status == Status::fail || f.status == Status::error);
        add_finding(section, r, f, i, r.info_for(f), r.acceptance_for(f), open);
        page.row_added(section);
        first = false;
    }
    std::set<std::pair<std::string, std::string>> fixes;
    for (std::size_t i : g.members) {
        const checks::Finding& f = r.findings[i];
        const checks::CheckInfo* info = r.info_for(f);
        if (info == nullptr || (f.status != Status::fail && f.status != Status::warn)) continue;
        const std::string& fix = checks::remediation_of(f, *info);
        if (fix.empty() || !fixes.insert({f.check_id, fix}).second) continue;
        pugi::xml_node p = element(section, "p", {{"class", "fix"}});
        element(p, "strong", "Fix (" + f.check_id + "): ", {});
        text(p, fix);
    }
}

}  // namespace

void add_findings(pugi::xml_node main, const Report& report, PageWriter& page) {
    std::set<std::string> areas;
    int not_applicable = 0;
    for (const checks::Finding& f : report.findings) {
        areas.insert(finding_area(report.info_for(f)));
        if (is_not_applicable(f)) ++not_applicable;
    }
    pugi::xml_node section = element(main, "section", {{"id", "findings"}});
    element(section, "h2", "Findings, most urgent first", {});
    if (report.findings.empty()) {
        element(section, "p", "No findings.", {{"class", "muted"}});
        return;
    }
    add_filters(section, areas, not_applicable);
    const std::vector<FindingGroup> groups = root_cause_groups(report);
    const std::vector<int> group_of = group_of_findings(report, groups);
    std::vector<bool> done(groups.size(), false);
    pugi::xml_node list = element(section, "div", {{"class", "finding-list"}});
    for (std::size_t i : findings_by_urgency(report)) {
        const int g = group_of[i];
        if (g >= 0) {
            const auto index = static_cast<std::size_t>(g);
            if (!done[index]) add_group(list, report, groups[index], index + 1, page);
            done[index] = true;
            continue;
        }
        const checks::Finding& f = report.findings[i];
        // Failures and errors start open: they are what a reviewer reads first.
        add_finding(list, report, f, i, report.info_for(f), report.acceptance_for(f),
                    f.status == Status::fail || f.status == Status::error);
        page.row_added(list);
    }
}

}  // namespace edgeplan::report::html
