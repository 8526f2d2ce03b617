// Checks section: every check of the catalogue that produced a finding, with its requirement,
// metadata, fix and sources (each a link to its page), so the page explains itself without the
// docs at hand.
#include <string>

#include "report/html_dom.h"
#include "report/html_sections.h"
#include "report/subject_words.h"

namespace edgeplan::report::html {

void add_checks(pugi::xml_node main, const Report& report, PageWriter& page) {
    pugi::xml_node section = element(main, "section", {{"id", "checks"}});
    element(section, "h2", "Checks", {});
    if (report.catalogue.empty()) {
        element(section, "p", "No check metadata in this report.", {{"class", "muted"}});
        return;
    }
    for (const auto& [key, info] : report.catalogue) {
        pugi::xml_node article = element(
            section, "article", {{"class", "check"}, {"id", check_anchor(report.anchor_id(info))}});
        pugi::xml_node heading = element(article, "h3");
        element(heading, "code", key.id, {});
        text(heading, " " + info.title);
        std::string scenarios;
        for (const std::string& s : info.scenarios)
            scenarios += (scenarios.empty() ? "" : ", ") + s;
        element(article, "p",
                "Area " + area_in_words(info.area) + " - kind " + to_string(info.kind) +
                    " - severity " + to_string(info.severity) +
                    (scenarios.empty() ? std::string() : " - scenarios " + scenarios),
                {{"class", "muted"}});
        if (!info.remediation.empty()) {
            pugi::xml_node fix = element(article, "p");
            element(fix, "strong", "How to fix: ", {});
            text(fix, info.remediation);
        }
        if (!info.citations.empty()) {
            pugi::xml_node list = element(article, "ul", {{"class", "plain"}});
            for (const checks::Citation& c : info.citations) {
                pugi::xml_node li = element(list, "li");
                element(li, "code", c.key, {});
                text(li, " ");
                checks::CheckInfo one;
                one.citations = {c};
                citation_links(li, one);
            }
        }
        page.row_added(section);
    }
}

}  // namespace edgeplan::report::html
