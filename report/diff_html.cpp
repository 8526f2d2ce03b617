// render_diff_html: `edgeplan diff` as one self-contained page (docs/diff-format.md "HTML"),
// built as a DOM like the report page (html_dom.h), so every string from a topology is text.
// No script: the page is tables only.
#include <pugixml.hpp>

#include "report/diff_renderer.h"
#include "report/diff_sections.h"
#include "report/html_assets.h"
#include "report/html_dom.h"

namespace edgeplan::report {

void render_diff_html(const DiffReport& r, std::ostream& out) {
    using namespace html;
    const Diff& d = r.diff;
    pugi::xml_document doc;
    pugi::xml_node root = element(doc, "html", {{"lang", "en"}});
    pugi::xml_node head = element(root, "head");
    element(head, "meta", {{"charset", "utf-8"}});
    element(head, "meta",
            {{"name", "viewport"}, {"content", "width=device-width, initial-scale=1"}});
    element(head, "meta",
            {{"http-equiv", "Content-Security-Policy"},
             {"content", "default-src 'none'; style-src 'unsafe-inline'"}});
    const int new_fail = count_new(d, checks::Status::fail);
    const std::string verdict =
        new_fail > 0 ? std::to_string(new_fail) + " new failure(s)" : "no new failure";
    element(head, "title", "edgeplan diff - " + verdict, {});
    element(head, "style").append_child(pugi::node_pcdata).set_value(stylesheet);
    pugi::xml_node main = element(element(root, "body"), "main");
    pugi::xml_node header = element(main, "header");
    element(header, "h1", "edgeplan diff: " + verdict, {});
    element(header, "p", diff_summary(d), {{"class", "meta"}});
    for (const InputFile& i : r.inputs) {
        pugi::xml_node line = element(header, "p", {{"class", "meta"}});
        text(line, i.role + ": ");
        element(line, "code", i.path, {});
        if (!i.format.empty()) text(line, " (" + i.format + ")");
    }
    element(header, "p", "edgeplan " + r.tool_version + " - rules evaluated for " + r.now,
            {{"class", "meta"}});
    for (const DiffSection& s : diff_sections(d)) {
        pugi::xml_node section = element(main, "section");
        element(section, "h2", s.title, {});
        if (s.rows.empty()) {
            element(section, "p", s.empty_note, {{"class", "muted"}});
        } else {
            pugi::xml_node table = element(section, "table");
            pugi::xml_node tr = element(element(table, "thead"), "tr");
            for (const std::string& h : s.headers) element(tr, "th", h, {});
            pugi::xml_node body = element(table, "tbody");
            for (const auto& row : s.rows) {
                pugi::xml_node line = element(body, "tr");
                for (const std::string& cell : row) element(line, "td", cell, {});
            }
        }
        if (!s.footer.empty()) element(section, "p", s.footer, {{"class", "muted"}});
    }
    write_document(doc, out);
}

}  // namespace edgeplan::report
