// SCAFFOLD: replaced by the Lync readers.
#include "topology/input_error.h"
#include "topology/lync_reader.h"
namespace edgeplan::topology {
Model read_lync_published(const XmlSource& s) { throw InputError(s.file_location(), "Lync published format not implemented yet"); }
Model read_lync_builder(const XmlSource& s) { throw InputError(s.file_location(), "tbxml not implemented yet"); }
}  // namespace edgeplan::topology
