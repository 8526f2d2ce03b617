#pragma once
// The Edge diagram section of the HTML report (docs/report-format.md, "Edge diagram"): an inline
// SVG drawn from the layout of edge_diagram_layout.h, readable without any script.
#include <pugixml.hpp>

#include "report/html_dom.h"
#include "report/report.h"

namespace edgeplan::report::html {

// Appends <section class="edge-diagram"> to `main`: a caption, a legend and the SVG; a single
// sentence instead when the plan has no Edge pool and no firewall rule. Its shapes grow with the
// pools and members (2,000 pools: tens of megabytes of SVG), so they go to `page` as they are made.
void add_edge_diagram(pugi::xml_node main, const Report& report, PageWriter& page);

}  // namespace edgeplan::report::html
