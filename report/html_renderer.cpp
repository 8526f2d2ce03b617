// render_html: one self-contained HTML5 page for a reviewer (docs/ci-integration.md "HTML"):
// the verdict first, the run's header, the overview, findings most urgent first with filters,
// the plan with what each row's findings say, and the checks' explanations. Built as a DOM
// (html_dom.h) and written while it is built (html_dom.h PageWriter); inline CSS and script,
// nothing fetched.
#include <pugixml.hpp>

#include "report/ci_renderers.h"
#include "report/html_assets.h"
#include "report/html_dom.h"
#include "report/html_edge_diagram.h"
#include "report/html_sections.h"
#include "report/sha256.h"
#include "report/verdict.h"

namespace edgeplan::report {
namespace html {

void add_input_line(pugi::xml_node parent, const InputFile& i) {
    const std::string role = (i.role.empty() ? "input" : i.role) + ": ";
    const std::string format = i.format.empty() ? "" : " (" + i.format + ")";
    const std::string hash = i.sha256.empty() ? "" : " sha256 " + i.sha256;
    // The title shows the whole line on hover where the window cut it short.
    pugi::xml_node line =
        element(parent, "p", {{"class", "meta input"}, {"title", role + i.path + format + hash}});
    text(line, role);
    element(line, "code", i.path, {});
    if (!format.empty()) text(line, format);
    if (!i.sha256.empty()) {
        text(line, " sha256 ");
        element(line, "code", i.sha256, {{"class", "hash"}});
    }
}

void add_header(pugi::xml_node main, const Report& r) {
    pugi::xml_node header = element(main, "header", {{"class", "run"}});
    pugi::xml_node meta = element(header, "p", {{"class", "meta"}});
    text(meta, "edgeplan " + r.tool_version + (r.command.empty() ? "" : " " + r.command));
    if (!r.now.empty()) text(meta, " - rules evaluated for " + r.now);
    if (!r.started_at.empty()) text(meta, " - run started " + r.started_at);
    // Each input is one line that never wraps (the full path and hash stay in the text, for
    // copying and search, and print wraps them): however deep the folder the report was made in,
    // the header keeps its height and the first problem's card stays on the first screen. Past
    // two inputs (a --settings-from folder), the rest fold into one line.
    pugi::xml_node inputs = header;
    for (std::size_t n = 0; n < r.inputs.size(); ++n) {
        if (n == 2 && r.inputs.size() > 2) {
            pugi::xml_node more = element(header, "details", {{"class", "meta inputs-more"}});
            element(more, "summary", std::to_string(r.inputs.size() - 2) + " more input files", {});
            inputs = more;
        }
        add_input_line(inputs, r.inputs[n]);
    }
    if (!r.probe) return;
    // Where the probes ran from: a "closed" or "no answer" means little without it.
    const ProbeContext& p = *r.probe;
    pugi::xml_node probes = element(header, "p", {{"class", "meta probe-context"}});
    std::string from;
    for (const std::string& side : p.from) from += (from.empty() ? "" : ", ") + side;
    text(probes,
         "Probes ran from " + (from.empty() ? std::string("external") : from) +
             ", source address " +
             (p.source_address.empty() ? std::string("chosen by the system") : p.source_address) +
             (p.responder.empty() ? std::string() : ", responder " + p.responder) + ", timeout " +
             std::to_string(p.timeout_ms) + " ms per operation" +
             (p.replay.empty() ? std::string(".")
                               : "; replayed from " + p.replay + ", nothing was probed."));
    pugi::xml_node dns = element(header, "p", {{"class", "meta dns-servers"}});
    if (p.dns_servers.empty()) {
        text(dns, "No DNS server was used.");
        return;
    }
    text(dns, "DNS servers: ");
    bool first = true;
    for (const DnsServerUse& d : p.dns_servers) {
        if (!first) text(dns, "; ");
        first = false;
        element(dns, "code", d.server, {});
        std::string state = " (" + d.view + ") ";
        if (d.asked == 0) {
            state += "not asked";
        } else if (d.answered == 0) {
            state += "answered none of " + std::to_string(d.asked) + " queries";
        } else {
            state += "answered " + std::to_string(d.answered) + " of " + std::to_string(d.asked) +
                     " queries";
        }
        element(dns, "span", state, {{"class", d.answered > 0 ? "dns-ok" : "dns-silent"}});
    }
}

// Overview sections, in reading order, between the header and the findings: the Edge diagram
// belongs here, first; then the counts by status. Keep it short: the verdict banner already
// links the first problem, but its card should stay above the fold on a laptop screen too.
void add_overview(pugi::xml_node main, const Report& report, PageWriter& page) {
    add_edge_diagram(main, report, page);
}

void render_page(const Report& report, std::ostream& out, std::size_t rows_per_flush) {
    pugi::xml_document doc;
    PageWriter page(doc, out, rows_per_flush);
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
    // The verdict and the topology in the tab, so a row of tabs reads as a row of answers.
    element(head, "title",
            std::string(to_string(verdict_of(report).kind)) + " - " + topology_name(report) +
                " - edgeplan" + (report.command.empty() ? "" : " " + report.command),
            {});
    element(head, "style").append_child(pugi::node_pcdata).set_value(stylesheet);
    pugi::xml_node body = element(root, "body");
    pugi::xml_node main = element(body, "main");
    // Each section is written as soon as it is complete (the big ones also while they grow),
    // so the page adds little to the report's memory even at the input limits.
    add_verdict(main, report);
    page.flush(main);
    add_header(main, report);
    page.flush(main);
    add_overview(main, report, page);
    page.flush(main);
    add_findings(main, report, page);
    page.flush(main);
    // The counts by status: the banner already states them, so the chart follows the findings.
    add_summary(main, report);
    page.flush(main);
    add_partners(main, report, page);
    page.flush(main);
    add_accepted(main, report, page);
    page.flush(main);
    add_plan(main, report, page);
    page.flush(main);
    add_checks(main, report, page);
    page.flush(main);
    element(body, "script").append_child(pugi::node_pcdata).set_value(filter_script);
    page.finish();
}

}  // namespace html

void render_html(const Report& report, std::ostream& out) {
    html::render_page(report, out, html::rows_per_write);
}

}  // namespace edgeplan::report
