// Topology loader, all three formats: XmlSource::from_bytes, detect_format, the reader of the
// detected format and derive_plan. A first byte 0x01 selects settings-merge mode: both settings
// documents of the repository are then merged into the model read from the rest. Only
// topology::InputError may escape the loader (STYLE.md: input errors, exit code 2).
#include <string>

#include "tests/fuzz/fuzz_target.h"
#include "topology/edgeplan_reader.h"
#include "topology/input_error.h"
#include "topology/loader.h"
#include "topology/lync_reader.h"
#include "topology/plan.h"

namespace {

using namespace edgeplan::topology;

Model read_any(const XmlSource& source) {
    switch (detect_format(source)) {
        case TopologyFormat::edgeplan:
            return read_edgeplan_topology(source);
        case TopologyFormat::lync_published:
            return read_lync_published(source);
        case TopologyFormat::lync_builder:
            return read_lync_builder(source);
    }
    return {};
}

// Parsed once: the settings documents are fixed, only the model varies.
const XmlSource& settings_document(int which) {
    static const XmlSource complete = XmlSource::from_bytes(
        "settings.xml", edgeplan::fuzz::source_file("tests/topology/valid/settings.xml"));
    static const XmlSource lync = XmlSource::from_bytes(
        "settings.xml", edgeplan::fuzz::source_file("samples/lync-published/settings.xml"));
    return which == 0 ? complete : lync;
}

void merge_and_plan(const Model& model, int which) {
    try {
        Model merged = model;
        apply_settings(settings_document(which), merged);
        derive_plan(merged);
    } catch (const InputError&) {
    }
}

}  // namespace

EDGEPLAN_FUZZ_TARGET(topology) {
    const bool merge = size > 0 && data[0] == 0x01;
    const std::string bytes(reinterpret_cast<const char*>(data) + (merge ? 1 : 0),
                            size - (merge ? 1 : 0));
    Model model;
    try {
        model = read_any(XmlSource::from_bytes("fuzz.xml", bytes));
        derive_plan(model);
    } catch (const InputError&) {
        return;
    }
    if (merge) {
        merge_and_plan(model, 0);
        merge_and_plan(model, 1);
    }
}
