// "Accepted findings" section: what --waivers waived (with reason and expiry) and what the
// --baseline report already knew, each linking to its finding, so a reviewer sees in one place
// what the exit code no longer counts (docs/waivers.md).
#include <string>
#include <vector>

#include "report/html_dom.h"
#include "report/html_sections.h"

namespace edgeplan::report::html {
namespace {

void add_table(pugi::xml_node section, const Report& report, bool waived, PageWriter& page) {
    pugi::xml_node box = scroll_box(section);
    pugi::xml_node table = element(box, "table", {{"class", waived ? "waived" : "known"}});
    pugi::xml_node head = element(table, "tr");
    const std::vector<std::string> titles =
        waived ? std::vector<std::string>{"Status", "Check", "Subject", "Reason", "Expires"}
               : std::vector<std::string>{"Status", "Check", "Subject", "Baseline"};
    for (const std::string& title : titles) element(head, "th", title, {});
    int rows = 0;
    for (std::size_t i = 0; i < report.findings.size(); ++i) {
        const checks::Finding& f = report.findings[i];
        const Acceptance* a = report.acceptance_for(f);
        if (a == nullptr || a->waiver.has_value() != waived) continue;
        pugi::xml_node tr = element(table, "tr");
        status_badge(element(tr, "td"), f.status, finding_anchor(i));
        element(element(tr, "td"), "code", f.check_id, {});
        element(tr, "td", f.subject, {{"class", "mono"}});
        if (waived) {
            element(tr, "td", a->waiver->reason, {});
            element(tr, "td", a->waiver->expires, {{"class", "mono"}});
        } else {
            element(tr, "td", "known", {});
        }
        ++rows;
        // Flushed only after a row: the box removed below, when no row came, was never written.
        page.row_added(table);
    }
    if (rows == 0) section.remove_child(box);
    if (rows == 0)
        element(section, "p", waived ? "No waived findings." : "No known findings.",
                {{"class", "muted"}});
}

}  // namespace

void add_accepted(pugi::xml_node main, const Report& report, PageWriter& page) {
    if (!report.gated) return;
    pugi::xml_node section = element(main, "section", {{"id", "accepted"}});
    element(section, "h2", "Accepted findings", {});
    element(section, "h3", "Waived", {});
    add_table(section, report, true, page);
    element(section, "h3", "Known from the baseline", {});
    add_table(section, report, false, page);
}

}  // namespace edgeplan::report::html
