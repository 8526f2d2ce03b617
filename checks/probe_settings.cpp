#include "checks/probe_settings.h"

#include <algorithm>

namespace edgeplan::checks {

const char* to_string(ProbeSide side) {
    switch (side) {
        case ProbeSide::external:
            return "external";
        case ProbeSide::internal:
            return "internal";
        case ProbeSide::edge:
            return "edge";
    }
    return "unknown";
}

bool ProbeSettings::probes_from(ProbeSide side) const {
    return std::find(sides.begin(), sides.end(), side) != sides.end();
}

}  // namespace edgeplan::checks
