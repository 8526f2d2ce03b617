// Summary section: one card per status and a horizontal bar chart (inline SVG, no script) of the
// same counts, so the page reads at a glance without JavaScript.
#include <algorithm>
#include <string>

#include "report/html_dom.h"
#include "report/html_sections.h"

namespace edgeplan::report::html {
namespace {

using checks::Status;

struct Bar {
    Status status;
    int count;
    const char* colour;  // the stylesheet's --pass... values: SVG fill attributes need literals
};

constexpr int chart_width = 460;
constexpr int label_width = 56;
constexpr int count_width = 44;
constexpr int row_height = 26;
constexpr int bar_height = 18;

void add_chart(pugi::xml_node parent, const Bar (&bars)[5], int total) {
    const int rows = 5;
    const int height = rows * row_height + 4;
    pugi::xml_node svg =
        element(parent, "svg",
                {{"class", "chart"},
                 {"width", std::to_string(chart_width)},
                 {"height", std::to_string(height)},
                 {"viewBox", "0 0 " + std::to_string(chart_width) + " " + std::to_string(height)},
                 {"role", "img"},
                 {"aria-labelledby", "chart-title"}});
    element(svg, "title", "Findings by status (" + std::to_string(total) + " in all)",
            {{"id", "chart-title"}});
    int max = 1;
    for (const Bar& b : bars) max = std::max(max, b.count);
    const int span = chart_width - label_width - count_width;
    int y = 2;
    for (const Bar& b : bars) {
        const std::string name = to_string(b.status);
        const int text_y = y + bar_height - 4;
        element(svg, "text", name, {{"x", "0"}, {"y", std::to_string(text_y)}});
        // A zero count still gets a 2px stub so the row does not look missing.
        const int length = b.count == 0 ? 2 : std::max(2, span * b.count / max);
        pugi::xml_node rect = element(svg, "rect",
                                      {{"class", "bar status-" + name},
                                       {"x", std::to_string(label_width)},
                                       {"y", std::to_string(y)},
                                       {"width", std::to_string(length)},
                                       {"height", std::to_string(bar_height)},
                                       {"rx", "3"},
                                       {"fill", b.colour}});
        element(rect, "title", name + ": " + std::to_string(b.count), {});
        element(svg, "text", std::to_string(b.count),
                {{"x", std::to_string(label_width + length + 6)}, {"y", std::to_string(text_y)}});
        y += row_height;
    }
}

}  // namespace

void add_summary(pugi::xml_node main, const Report& report) {
    const Summary s = report.summary();
    const Bar bars[5] = {{Status::fail, s.fail, "#c62828"},
                         {Status::error, s.error, "#6a1b9a"},
                         {Status::warn, s.warn, "#a15c00"},
                         {Status::pass, s.pass, "#2e7d32"},
                         {Status::skip, s.skip, "#6b6b6b"}};
    // No heading: the verdict banner above already says what this is, and a heading would push
    // the findings further down.
    pugi::xml_node section =
        element(main, "section", {{"id", "summary"}, {"aria-label", "Summary"}});
    pugi::xml_node row = element(section, "div", {{"class", "summary"}});
    pugi::xml_node cards = element(row, "div", {{"class", "cards"}});
    for (const Bar& b : bars) {
        const std::string name = to_string(b.status);
        pugi::xml_node card = element(cards, "div", {{"class", "card status-" + name}});
        element(card, "span", std::to_string(b.count),
                {{"class", "count"}, {"id", "count-" + name}});
        element(card, "span", name, {{"class", "label"}});
    }
    add_chart(row, bars, s.total());
}

}  // namespace edgeplan::report::html
