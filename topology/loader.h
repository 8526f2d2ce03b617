#pragma once
// Entry point of the topology layer: read a topology file of any supported format, apply an
// optional --settings file, and return the model. Throws InputError (exit code 2).
#include <string>
#include <vector>

#include "topology/model.h"
#include "topology/xml_source.h"

namespace edgeplan::topology {

struct LoadRequest {
    std::string topology_path;
    std::string settings_path;  // empty = none
    // --settings-from folders of PowerShell exports, applied in order before settings_path
    // (which overrides them).
    std::vector<std::string> settings_dirs;
    // When set, the topology is read from this text and topology_path only names it in
    // messages (the embedded sample).
    std::string topology_text;
    XmlLimits limits;
};

Model load_model(const LoadRequest& request);

// The format of a parsed document, from its root element's namespace and name.
TopologyFormat detect_format(const XmlSource& source);

}  // namespace edgeplan::topology
