// SCAFFOLD: replaced by text_renderer.cpp and json_renderer.cpp.
#include "report/renderers.h"
namespace edgeplan::report {
void render_text(const Report& r, const TextOptions&, std::ostream& out) { out << r.findings.size() << " findings\n"; }
nlohmann::json to_json(const Report&) { return nlohmann::json::object(); }
nlohmann::json plan_to_json(const topology::Plan&) { return nlohmann::json::object(); }
}  // namespace edgeplan::report
