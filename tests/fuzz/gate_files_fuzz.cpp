// The --baseline and --waivers readers (app/gate.h) on one input: only GateInputError may
// escape. `1e999999` once escaped as nlohmann's out_of_range and ended the run with exit 3.
#include <string>

#include "app/gate.h"
#include "tests/fuzz/fuzz_target.h"

EDGEPLAN_FUZZ_TARGET(gate_files) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        edgeplan::app::parse_baseline(text, "baseline.json");
    } catch (const edgeplan::app::GateInputError&) {
    }
    try {
        edgeplan::app::parse_waivers(text, "waivers.json");
    } catch (const edgeplan::app::GateInputError&) {
    }
}
