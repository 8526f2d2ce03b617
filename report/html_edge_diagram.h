#pragma once
// The Edge diagram section of the HTML report (docs/report-format.md, "Edge diagram"): an inline
// SVG drawn from the layout of edge_diagram_layout.h, readable without any script.
#include <pugixml.hpp>

#include "report/report.h"

namespace edgeplan::report::html {

// Appends <section class="edge-diagram"> to `main`: a caption, a legend and the SVG; a single
// sentence instead when the plan has no Edge pool and no firewall rule.
void add_edge_diagram(pugi::xml_node main, const Report& report);

}  // namespace edgeplan::report::html
