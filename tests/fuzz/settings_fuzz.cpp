// The edgeplan --settings merge: the input is a settings document, merged into the two sample
// models its seeds were written for (contoso-docs, lync-published), then the plan is derived.
// Only topology::InputError may escape (a settings file naming a missing pool is an input
// error, docs/topology-format.md).
#include <optional>
#include <string>

#include "tests/fuzz/fuzz_target.h"
#include "topology/edgeplan_reader.h"
#include "topology/input_error.h"
#include "topology/lync_reader.h"
#include "topology/plan.h"

namespace {

using namespace edgeplan::topology;

const Model& base_model(int which) {
    static const Model contoso = read_edgeplan_topology(XmlSource::from_bytes(
        "topology.xml", edgeplan::fuzz::source_file("samples/contoso-docs/topology.xml")));
    static const Model lync = read_lync_published(XmlSource::from_bytes(
        "topology.xml", edgeplan::fuzz::source_file("samples/lync-published/topology.xml")));
    return which == 0 ? contoso : lync;
}

}  // namespace

EDGEPLAN_FUZZ_TARGET(settings) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    std::optional<XmlSource> settings;
    try {
        settings.emplace(XmlSource::from_bytes("settings.xml", bytes));
    } catch (const InputError&) {
        return;
    }
    for (int which = 0; which < 2; ++which) {
        Model model = base_model(which);  // outside the try: a broken base is a setup bug
        try {
            apply_settings(*settings, model);
            derive_plan(model);
        } catch (const InputError&) {
        }
    }
}
