// render_html: one self-contained HTML5 page for a reviewer (docs/ci-integration.md "HTML"):
// header, summary with chart, findings with filters, the plan with what was verified, and the
// checks' explanations. Built as a DOM (html_dom.h); inline CSS and script, nothing fetched.
#include <pugixml.hpp>

#include "report/ci_renderers.h"
#include "report/html_assets.h"
#include "report/html_dom.h"
#include "report/html_sections.h"
#include "report/sha256.h"

namespace edgeplan::report {
namespace html {

void add_header(pugi::xml_node main, const Report& r) {
    pugi::xml_node header = element(main, "header");
    element(header, "h1", "edgeplan report" + (r.command.empty() ? "" : ": " + r.command), {});
    pugi::xml_node meta = element(header, "p", {{"class", "meta"}});
    text(meta, "edgeplan " + r.tool_version);
    if (!r.now.empty()) text(meta, " - rules evaluated for " + r.now);
    if (!r.started_at.empty()) text(meta, " - run started " + r.started_at);
    for (const InputFile& i : r.inputs) {
        pugi::xml_node line = element(header, "p", {{"class", "meta"}});
        text(line, (i.role.empty() ? "input" : i.role) + ": ");
        element(line, "code", i.path, {});
        if (!i.format.empty()) text(line, " (" + i.format + ")");
        if (!i.sha256.empty()) {
            text(line, " sha256 ");
            element(line, "code", i.sha256, {});
        }
    }
}

}  // namespace html

void render_html(const Report& report, std::ostream& out) {
    using namespace html;
    pugi::xml_document doc;
    pugi::xml_node root = element(doc, "html", {{"lang", "en"}});
    pugi::xml_node head = element(root, "head");
    element(head, "meta", {{"charset", "utf-8"}});
    element(head, "meta",
            {{"name", "viewport"}, {"content", "width=device-width, initial-scale=1"}});
    // Defence in depth behind the escaping: nothing may be fetched, and the only script that
    // may run is the page's own filter (by hash), so neither an injected <script> nor an inline
    // event handler (onerror=...) would execute.
    element(head, "meta",
            {{"http-equiv", "Content-Security-Policy"},
             {"content", "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-" +
                             sha256_base64(filter_script) + "'"}});
    element(head, "title",
            "edgeplan report" + (report.command.empty() ? "" : " - " + report.command), {});
    element(head, "style").append_child(pugi::node_pcdata).set_value(stylesheet);
    pugi::xml_node body = element(root, "body");
    pugi::xml_node main = element(body, "main");
    add_header(main, report);
    add_summary(main, report);
    add_partners(main, report);
    add_accepted(main, report);
    add_findings(main, report);
    add_plan(main, report);
    add_checks(main, report);
    element(body, "script").append_child(pugi::node_pcdata).set_value(filter_script);
    write_document(doc, out);
}

}  // namespace edgeplan::report
