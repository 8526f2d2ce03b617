#include "report/html_dom.h"
#include "report/html_sections.h"

namespace edgeplan::report::html {

std::string finding_anchor(std::size_t index) { return "finding-" + std::to_string(index + 1); }

std::string check_anchor(const std::string& check_id) {
    // An id has no whitespace (HTML); catalogue IDs never do, but the Report is data.
    std::string id = "check-" + check_id;
    for (char& ch : id) {
        if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f') ch = '_';
    }
    return id;
}

pugi::xml_node status_badge(pugi::xml_node parent, checks::Status status, const std::string& href) {
    const std::string name = to_string(status);
    const std::string css = "badge status-" + name;
    if (href.empty()) return element(parent, "span", name, {{"class", css}});
    return element(parent, "a", name, {{"class", css}, {"href", "#" + href}});
}

std::string location_text(const topology::SourceLocation& where) {
    if (where.file.empty() && !where.known()) return "";
    return where.to_string();
}

}  // namespace edgeplan::report::html
