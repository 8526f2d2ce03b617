// SCAFFOLD: replaced by the edgeplan format reader.
#include "topology/edgeplan_reader.h"
#include "topology/input_error.h"
namespace edgeplan::topology {
Model read_edgeplan_topology(const XmlSource& s) { throw InputError(s.file_location(), "edgeplan format not implemented yet"); }
void apply_settings(const XmlSource& s, Model&) { throw InputError(s.file_location(), "settings not implemented yet"); }
}  // namespace edgeplan::topology
