#include "report/json_location.h"

namespace edgeplan::report {

void add_location(nlohmann::json& object, const topology::SourceLocation& where) {
    if (where.file.empty() && !where.known()) return;
    nlohmann::json location = nlohmann::json::object();
    location["file"] = where.file.str();
    if (where.known()) {
        location["line"] = where.line;
        if (where.column > 0) location["column"] = where.column;
    }
    object["location"] = std::move(location);
}

}  // namespace edgeplan::report
