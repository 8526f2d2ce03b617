// SCAFFOLD: replaced by edgeplan_reader.cpp, lync_reader.cpp and derive_plan.cpp.
#include "topology/edgeplan_reader.h"
#include "topology/input_error.h"
#include "topology/lync_reader.h"
#include "topology/plan.h"

namespace edgeplan::topology {
Model read_edgeplan_topology(const XmlSource& s) {
    throw InputError(s.file_location(), "edgeplan format not implemented yet");
}
void apply_settings(const XmlSource& s, Model&) {
    throw InputError(s.file_location(), "settings not implemented yet");
}
Model read_lync_published(const XmlSource& s) {
    throw InputError(s.file_location(), "Lync published format not implemented yet");
}
Model read_lync_builder(const XmlSource& s) {
    throw InputError(s.file_location(), "tbxml not implemented yet");
}
Plan derive_plan(const Model&) { return {}; }
}  // namespace edgeplan::topology
