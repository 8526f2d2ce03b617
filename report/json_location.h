#pragma once
// Shared by the JSON renderers: how a topology source location appears in the document.
#include <nlohmann/json.hpp>

#include "topology/source_location.h"

namespace edgeplan::report {

// Adds "location": {file, line, column} to `object` when anything about the location is known:
// line and column only when known (1-based), the key not at all for a location with no file and
// no position (docs/report-format.md).
void add_location(nlohmann::json& object, const topology::SourceLocation& where);

}  // namespace edgeplan::report
