// The verdict banner (docs/report-format.md "HTML"): the first thing on the page, so a reviewer
// knows the answer before reading anything else. The counts link to the filters; the first
// problem links to its card, so it is one click away even when the overview is tall.
#include <string>

#include "report/finding_groups.h"
#include "report/html_dom.h"
#include "report/html_sections.h"
#include "report/subject_words.h"
#include "report/verdict.h"

namespace edgeplan::report::html {

void add_verdict(pugi::xml_node main, const Report& report) {
    const Verdict v = verdict_of(report);
    pugi::xml_node banner =
        element(main, "section",
                {{"id", "verdict"}, {"class", std::string("verdict verdict-") + css_name(v.kind)}});
    pugi::xml_node line = element(banner, "h1", {{"class", "verdict-line"}});
    element(line, "span", to_string(v.kind), {{"class", "verdict-word"}, {"id", "verdict-word"}});
    element(line, "span", topology_name(report), {{"class", "verdict-topology"}});
    if (!report.command.empty()) {
        element(line, "span", "edgeplan " + report.command, {{"class", "verdict-command"}});
    }

    pugi::xml_node counts = element(banner, "p", {{"class", "verdict-counts"}});
    const Summary& s = v.counted;
    const std::pair<checks::Status, int> items[] = {{checks::Status::fail, s.fail},
                                                    {checks::Status::error, s.error},
                                                    {checks::Status::warn, s.warn},
                                                    {checks::Status::pass, s.pass},
                                                    {checks::Status::skip, s.skip}};
    for (const auto& [status, count] : items) {
        const std::string name = to_string(status);
        element(counts, "a", std::to_string(count) + " " + name,
                {{"class", "count-link status-" + name},
                 {"href", "#status=" + name + (status == checks::Status::skip ? "&na=1" : "")}});
    }
    if (v.accepted > 0) {
        element(counts, "span", std::to_string(v.accepted) + " accepted (baseline or waiver)",
                {{"class", "count-link accepted"}});
    }

    // The most urgent counted problem: what to read first.
    for (std::size_t i : findings_by_urgency(report)) {
        const checks::Finding& f = report.findings[i];
        if (urgency(f.status) > urgency(checks::Status::warn)) break;
        if (report.acceptance_for(f) != nullptr) continue;
        pugi::xml_node first = element(banner, "p", {{"class", "verdict-first"}});
        element(first, "strong",
                f.status == checks::Status::fail    ? "First failure: "
                : f.status == checks::Status::error ? "First undecided check: "
                                                    : "First warning: ",
                {});
        element(first, "a", f.check_id, {{"href", "#" + finding_anchor(i)}, {"class", "check-id"}});
        text(first, " " + subject_in_words(f.subject) + ": " + f.message);
        break;
    }
}

}  // namespace edgeplan::report::html
