// SCAFFOLD: replaced by text_renderer.cpp, json_renderer.cpp, catalogue_renderer.cpp and the
// exporters.
#include "report/exports.h"
#include "report/renderers.h"

namespace edgeplan::report {
void render_text(const Report& r, const TextOptions&, std::ostream& out) {
    out << r.findings.size() << " findings\n";
}
nlohmann::json to_json(const Report&) { return nlohmann::json::object(); }
nlohmann::json plan_to_json(const topology::Plan&) { return nlohmann::json::object(); }
void render_catalogue_text(const std::vector<const checks::CheckInfo*>&, std::ostream&) {}
nlohmann::json catalogue_to_json(const std::vector<const checks::CheckInfo*>&) {
    return nlohmann::json::array();
}
void render_catalogue_markdown(const std::vector<const checks::CheckInfo*>&, std::ostream&) {}
std::vector<std::string> write_zone_files(const topology::Plan&, const std::string&) { return {}; }
std::vector<std::string> write_csr_files(const topology::Plan&, const std::string&) { return {}; }
std::vector<std::string> write_firewall_files(const topology::Plan&, const std::string&) {
    return {};
}
}  // namespace edgeplan::report
