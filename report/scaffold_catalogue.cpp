// SCAFFOLD: replaced by catalogue_renderer.cpp.
#include "report/renderers.h"
namespace edgeplan::report {
void render_catalogue_text(const std::vector<const checks::CheckInfo*>&, std::ostream&) {}
nlohmann::json catalogue_to_json(const std::vector<const checks::CheckInfo*>&) {
    return nlohmann::json::array();
}
void render_catalogue_markdown(const std::vector<const checks::CheckInfo*>&, std::ostream&) {}
}  // namespace edgeplan::report
