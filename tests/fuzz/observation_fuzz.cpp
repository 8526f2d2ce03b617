// The observation JSON reader behind --replay (checks/probes/observation.h). Only
// ObservationFormatError may escape it, and what it reads must survive --record's writer:
// written and read again, the same observations.
#include <string>

#include "checks/probes/observation.h"
#include "tests/fuzz/fuzz_target.h"

namespace probes = edgeplan::checks::probes;
using edgeplan::fuzz::require;

EDGEPLAN_FUZZ_TARGET(observation) {
    probes::Observations read;
    try {
        read = probes::observations_from_json_text(
            std::string(reinterpret_cast<const char*>(data), size));
    } catch (const probes::ObservationFormatError&) {
        return;
    }
    const std::string written = probes::observations_to_json_text(read);
    require(probes::observations_from_json_text(written) == read,
            "observations change when written and read again");
}
