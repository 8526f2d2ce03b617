#include "topology/loader.h"

#include "topology/edgeplan_reader.h"
#include "topology/input_error.h"
#include "topology/lync_reader.h"
#include "topology/namespaces.h"
#include "topology/powershell_export.h"

namespace edgeplan::topology {

TopologyFormat detect_format(const XmlSource& source) {
    const pugi::xml_node root = source.root();
    const std::string uri = namespace_of(root);
    const std::string name = local_name(root);
    if (uri == ns::edgeplan && name == "Topology") return TopologyFormat::edgeplan;
    if (uri == ns::lync_topology && name == "Topology") return TopologyFormat::lync_published;
    if (uri == ns::lync_builder && name == "TopologyBuilder") return TopologyFormat::lync_builder;
    throw InputError(source.location_of(root),
                     "unknown root element '" + name + "'" +
                         (uri.empty() ? " without namespace" : " in namespace '" + uri + "'") +
                         ": expected an edgeplan <Topology> (" + ns::edgeplan +
                         "), a Lync published <Topology> or a Topology Builder document");
}

Model load_model(const LoadRequest& request) {
    const XmlSource source =
        request.topology_text.empty()
            ? XmlSource(request.topology_path, request.limits)
            : XmlSource::from_bytes(request.topology_path, request.topology_text, request.limits);
    Model model;
    switch (detect_format(source)) {
        case TopologyFormat::edgeplan:
            model = read_edgeplan_topology(source);
            break;
        case TopologyFormat::lync_published:
            model = read_lync_published(source);
            break;
        case TopologyFormat::lync_builder:
            model = read_lync_builder(source);
            break;
    }
    model.source_file = request.topology_path;
    for (const std::string& dir : request.settings_dirs) apply_powershell_exports(dir, model);
    if (!request.settings_path.empty()) {
        const XmlSource settings(request.settings_path, request.limits);
        apply_settings(settings, model);
        model.settings_file = request.settings_path;
    }
    return model;
}

}  // namespace edgeplan::topology
