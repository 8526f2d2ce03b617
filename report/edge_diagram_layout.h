#pragma once
// Where everything of the HTML report's Edge diagram goes (docs/report-format.md, "Edge
// diagram"): boxes, wrapped text lines and port-flow arrows in SVG user units, computed from the
// Report alone. Pure geometry, no markup: html_edge_diagram.cpp writes it as SVG, and tests check
// it (no overlaps, every member present, text inside its box).
//
// One band per Edge pool, stacked top to bottom; left to right: the Internet, the external
// firewall, the external port flows, the pool with its members, the internal port flows, the
// internal firewall and the internal network with the next hop pool. The height follows the
// content; text is wrapped to its column, never cut, using a monospace width model.
#include <cstddef>
#include <deque>
#include <string>
#include <vector>

#include "report/report.h"

namespace edgeplan::report::diagram {

// Widths are estimated for a monospace font: a column is this many font sizes wide (DejaVu Sans
// Mono and Menlo advance 0.602 em, Consolas 0.55 em; a little spare for rounding).
inline constexpr double column_em = 0.62;

// Display columns of UTF-8 text: East Asian wide characters and emoji count two.
std::size_t text_columns(const std::string& text);
// Splits `text` into lines of at most `max_columns` columns, breaking after a space, '.', ',',
// '-', '/' or ':' where one is close enough, else inside a word; never inside a UTF-8 sequence.
std::vector<std::string> wrap_text(const std::string& text, std::size_t max_columns);

struct Rect {
    double x = 0;
    double y = 0;
    double width = 0;
    double height = 0;
    double right() const { return x + width; }
    double bottom() const { return y + height; }
};

// `flows` is the column of port-flow labels beside a pool: not drawn, it bounds the labels.
enum class BoxKind { internet, firewall, pool, member, vips, network, next_hop, flows };
const char* to_string(BoxKind kind);

struct Box {
    BoxKind kind = BoxKind::pool;
    Rect rect;
    std::string id;  // pool id, member FQDN...: for tests and for the SVG's data attributes
};

enum class TextRole { heading, title, label, address, dns, muted, flow };

// One line of text; `y` is its baseline. `box` is the index of the box it must stay inside, or
// -1 for the column headings at the top.
struct TextLine {
    double x = 0;
    double y = 0;
    double font_size = 0;
    TextRole role = TextRole::label;
    std::string text;
    int box = -1;
    // The rectangle the text is expected to cover (width model above; ascent 0.8 em, descent
    // 0.25 em).
    Rect extent() const;
};

// The colour of a flow: the worst finding about its firewall rule (fail, then warn, then error,
// then pass); `none` when no finding is about it (not probed).
enum class FlowState { fail, warn, error, pass, none };
const char* to_string(FlowState state);

struct Arrow {
    double x1 = 0;  // from (tail)
    double y1 = 0;
    double x2 = 0;  // to (head)
    double y2 = 0;
    FlowState state = FlowState::none;
    std::size_t rule = 0;             // index in Plan::firewall
    std::string label;                // "TCP 443 SIP/TLS - Access": also the first text of `labels`
    std::vector<std::size_t> labels;  // indexes into Layout::texts
    std::string tooltip;              // the rule and the IDs and statuses of its findings
    std::string href;                 // "#finding-N" of the worst finding; empty when none
};

struct Layout {
    double width = 0;
    double height = 0;
    std::vector<Box> boxes;
    // A deque: hundreds of thousands of lines for 2,000 pools, and a vector's growth would hold
    // the old and the new block together at the HTML report's peak (docs/performance.md).
    std::deque<TextLine> texts;
    std::vector<Arrow> arrows;
};

// Lays out the diagram of `report`: one band per entry of Plan::edge_pools, plus one per pool id
// the firewall rules name that edge_pools lacks (a report saved before edge_pools existed).
// Empty (no boxes) when the plan has neither.
Layout lay_out(const Report& report);

}  // namespace edgeplan::report::diagram
