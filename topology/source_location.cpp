#include "topology/source_location.h"

namespace edgeplan::topology {

std::string SourceLocation::to_string() const {
    if (!known()) return file;
    return file + ":" + std::to_string(line) + ":" + std::to_string(column);
}

}  // namespace edgeplan::topology
