// Writes the Edge diagram's layout as SVG through the HTML DOM (html_dom.h), so every name from
// the topology is a text node or an attribute value and stays inert. Colours are presentation
// attributes, not CSS, so the drawing keeps them when copied out of the page.
#include "report/html_edge_diagram.h"

#include <charconv>
#include <string>

#include "report/edge_diagram_layout.h"
#include "report/html_dom.h"

namespace edgeplan::report::html {
namespace {

using diagram::Arrow;
using diagram::Box;
using diagram::BoxKind;
using diagram::FlowState;
using diagram::Layout;
using diagram::TextLine;
using diagram::TextRole;

// Coordinates with at most one decimal, independent of the locale.
std::string num(double value) {
    char buffer[32];
    const auto [end, ec] =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 1);
    std::string out(buffer, ec == std::errc() ? end : buffer);
    if (out.size() > 2 && out.compare(out.size() - 2, 2, ".0") == 0) out.resize(out.size() - 2);
    return out;
}

// fail red, warn amber, pass green; not probed and could-not-decide grey (issue 10).
const char* colour(FlowState state) {
    switch (state) {
        case FlowState::fail:
            return "#c62828";
        case FlowState::warn:
            return "#d97706";
        case FlowState::pass:
            return "#2e7d32";
        case FlowState::error:
        case FlowState::none:
            break;
    }
    return "#8a9099";
}

struct BoxStyle {
    const char* fill;
    const char* stroke;
};

BoxStyle style(BoxKind kind) {
    switch (kind) {
        case BoxKind::internet:
            return {"#e8f1fb", "#7ea6d8"};
        case BoxKind::firewall:
            return {"#5b6470", "#3d444d"};
        case BoxKind::pool:
            return {"#f5f6f8", "#8a94a3"};
        case BoxKind::member:
            return {"#ffffff", "#c3c9d1"};
        case BoxKind::vips:
            return {"#fff8e6", "#d8b75c"};
        case BoxKind::network:
            return {"#eef6ee", "#86b386"};
        case BoxKind::next_hop:
            return {"#ffffff", "#a9c9a9"};
        case BoxKind::flows:
            break;
    }
    return {"none", "none"};
}

const char* text_fill(const TextLine& t) {
    switch (t.role) {
        case TextRole::muted:
        case TextRole::dns:
            return "#5f6670";
        default:
            return "#1d2125";
    }
}

void add_markers(pugi::xml_node svg) {
    pugi::xml_node defs = element(svg, "defs");
    for (FlowState s :
         {FlowState::fail, FlowState::warn, FlowState::error, FlowState::pass, FlowState::none}) {
        pugi::xml_node marker = element(defs, "marker",
                                        {{"id", std::string("edge-arrow-") + to_string(s)},
                                         {"viewBox", "0 0 10 10"},
                                         {"refX", "9"},
                                         {"refY", "5"},
                                         {"markerWidth", "7"},
                                         {"markerHeight", "7"},
                                         {"orient", "auto"}});
        element(marker, "path", {{"d", "M0,0 L10,5 L0,10 z"}, {"fill", colour(s)}});
    }
}

void add_text(pugi::xml_node parent, const TextLine& t, const char* fill) {
    const bool bold = t.role == TextRole::heading || t.role == TextRole::title;
    pugi::xml_node node = element(parent, "text", t.text,
                                  {{"x", num(t.x)},
                                   {"y", num(t.y)},
                                   {"font-size", num(t.font_size)},
                                   {"fill", fill},
                                   {"data-box", std::to_string(t.box)}});
    if (bold) attribute(node, "font-weight", "700");
}

void add_arrow(pugi::xml_node flows, const Layout& layout, const Arrow& a) {
    const std::string state = to_string(a.state);
    pugi::xml_node group =
        a.href.empty() ? element(flows, "g", {{"class", "flow flow-" + state}})
                       : element(flows, "a", {{"class", "flow flow-" + state}, {"href", a.href}});
    element(group, "title", a.tooltip, {});
    pugi::xml_node line = element(group, "line",
                                  {{"x1", num(a.x1)},
                                   {"y1", num(a.y1)},
                                   {"x2", num(a.x2)},
                                   {"y2", num(a.y2)},
                                   {"stroke", colour(a.state)},
                                   {"stroke-width", a.state == FlowState::fail ? "2.5" : "1.6"},
                                   {"marker-end", "url(#edge-arrow-" + state + ")"}});
    if (a.state == FlowState::none) attribute(line, "stroke-dasharray", "5 3");
    const char* fill =
        a.state == FlowState::none || a.state == FlowState::error ? "#5f6670" : colour(a.state);
    for (std::size_t i : a.labels) add_text(group, layout.texts[i], fill);
}

void add_legend(pugi::xml_node section) {
    pugi::xml_node legend = element(section, "ul", {{"class", "diagram-legend"}});
    const std::pair<FlowState, const char*> items[] = {{FlowState::fail, "fail"},
                                                       {FlowState::warn, "warn"},
                                                       {FlowState::pass, "pass"},
                                                       {FlowState::error, "could not decide"},
                                                       {FlowState::none, "not probed (dashed)"}};
    for (const auto& [state, name] : items) {
        pugi::xml_node li = element(legend, "li");
        element(li, "span",
                {{"class", std::string("swatch flow-") + to_string(state)},
                 {"style", std::string("border-top-color: ") + colour(state)}});
        text(li, name);
    }
}

}  // namespace

void add_edge_diagram(pugi::xml_node main, const Report& report, PageWriter& page) {
    pugi::xml_node section =
        element(main, "section", {{"class", "edge-diagram"}, {"id", "edge-diagram"}});
    element(section, "h2", "The Edge as planned", {});
    const Layout layout = diagram::lay_out(report);
    if (layout.boxes.empty()) {
        element(section, "p", "The topology has no Edge pool and the plan no firewall rule.",
                {{"class", "muted"}});
        return;
    }
    element(section, "p",
            "Pools, members, addresses and their DNS names; arrows are the planned port flows, "
            "coloured by their worst finding (hover: the findings; click: the card).",
            {{"class", "muted"}});
    add_legend(section);
    pugi::xml_node frame = element(section, "div", {{"class", "diagram-frame"}});
    pugi::xml_node svg =
        element(frame, "svg",
                {{"class", "edge-diagram-svg"},
                 {"viewBox", "0 0 " + num(layout.width) + " " + num(layout.height)},
                 {"width", "100%"},
                 {"preserveAspectRatio", "xMinYMin meet"},
                 {"role", "img"},
                 {"aria-labelledby", "edge-diagram-title"},
                 {"font-family", "ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace"}});
    element(svg, "title",
            "Edge diagram: " + std::to_string(report.plan.edge_pools.size()) + " Edge pool" +
                (report.plan.edge_pools.size() == 1 ? "" : "s") + ", " +
                std::to_string(layout.arrows.size()) + " port flows",
            {{"id", "edge-diagram-title"}});
    add_markers(svg);

    pugi::xml_node boxes = element(svg, "g", {{"class", "boxes"}});
    for (std::size_t i = 0; i < layout.boxes.size(); ++i) {
        const Box& b = layout.boxes[i];
        const BoxStyle s = style(b.kind);
        element(boxes, "rect",
                {{"class", std::string("box-") + to_string(b.kind)},
                 {"x", num(b.rect.x)},
                 {"y", num(b.rect.y)},
                 {"width", num(b.rect.width)},
                 {"height", num(b.rect.height)},
                 {"rx", b.kind == BoxKind::firewall ? "2" : "5"},
                 {"fill", s.fill},
                 {"stroke", s.stroke},
                 {"data-box", std::to_string(i)}});
        page.row_added(boxes);
    }
    pugi::xml_node flows = element(svg, "g", {{"class", "flows"}});
    std::vector<bool> in_arrow(layout.texts.size(), false);
    for (const Arrow& a : layout.arrows) {
        add_arrow(flows, layout, a);
        page.row_added(flows);
        for (std::size_t i : a.labels) in_arrow[i] = true;
    }
    pugi::xml_node texts = element(svg, "g", {{"class", "texts"}});
    for (std::size_t i = 0; i < layout.texts.size(); ++i) {
        if (in_arrow[i]) continue;
        add_text(texts, layout.texts[i], text_fill(layout.texts[i]));
        page.row_added(texts);
    }
}

}  // namespace edgeplan::report::html
