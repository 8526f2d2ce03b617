#include "report/html_dom.h"
#include "report/html_sections.h"
#include "report/source_links.h"

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

void citation_links(pugi::xml_node parent, const checks::CheckInfo& info) {
    bool first = true;
    for (const checks::Citation& c : info.citations) {
        if (!first) text(parent, "; ");
        first = false;
        const std::string url = citation_url(c);
        if (url.empty()) {
            element(parent, "cite", citation_label(c), {{"title", c.key}});
        } else {
            // The URL comes from docs/sources.tsv or the catalogue, never from the topology; the
            // writer escapes it all the same.
            element(element(parent, "cite"), "a", citation_label(c),
                    {{"href", url}, {"title", c.key}, {"rel", "noopener noreferrer"}});
        }
    }
}

pugi::xml_node scroll_box(pugi::xml_node parent) {
    return element(parent, "div", {{"class", "scroll-box"}});
}

std::string topology_name(const Report& report) {
    for (const InputFile& i : report.inputs) {
        if (i.role != "topology" || i.path.empty()) continue;
        std::string path = i.path;
        const auto embedded = path.find(" (embedded)");
        if (embedded != std::string::npos) path.erase(embedded);
        const auto slash = path.rfind('/');
        const std::string file = slash == std::string::npos ? path : path.substr(slash + 1);
        if (file.rfind("topology.", 0) != 0 || slash == std::string::npos || slash == 0)
            return file;
        const auto before = path.rfind('/', slash - 1);
        return path.substr(before == std::string::npos ? 0 : before + 1);
    }
    return "edgeplan";
}

}  // namespace edgeplan::report::html
