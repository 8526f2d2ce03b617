// The partner table of the HTML report (`edgeplan partners`): one row per partner, failing
// first as the report orders them; the header buttons sort it (html_assets.cpp).
#include <string>

#include "report/html_dom.h"
#include "report/html_sections.h"
#include "topology/strings.h"

namespace edgeplan::report::html {

void add_partners(pugi::xml_node main, const Report& report, PageWriter& page) {
    if (report.partners.empty()) return;
    pugi::xml_node section = element(main, "section", {{"id", "partners"}});
    element(section, "h2", "Partners", {});
    pugi::xml_node table = element(section, "table", {{"class", "sortable partners"}});
    pugi::xml_node head = element(element(table, "thead"), "tr");
    for (const char* name : {"Verdict", "Domain", "Protocol", "Kind", "SRV target", "Addresses",
                             "TLS", "Certificate expiry", "Why"}) {
        element(element(head, "th", {{"scope", "col"}}), "button", name, {{"type", "button"}});
    }
    pugi::xml_node body = element(table, "tbody");
    for (const checks::partners::PartnerRow& row : report.partners) {
        pugi::xml_node tr = element(body, "tr", {{"data-status", to_string(row.verdict)}});
        pugi::xml_node verdict = element(
            tr, "td", {{"data-sort", std::to_string(checks::partners::verdict_rank(row.verdict))}});
        status_badge(verdict, row.verdict);
        element(tr, "td", row.domain, {});
        element(tr, "td", row.protocol, {});
        element(tr, "td", row.provider.empty() ? row.kind : row.kind + " (" + row.provider + ")",
                {});
        element(tr, "td", strings::join(row.targets, " "), {});
        element(tr, "td", strings::join(row.addresses, " "), {});
        element(tr, "td", row.tls_version, {});
        element(tr, "td", row.cert_not_after, {});
        element(tr, "td", row.problem, {});
        page.row_added(body);
    }
}

}  // namespace edgeplan::report::html
