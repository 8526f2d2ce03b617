// The Edge diagram's layout (report/edge_diagram_layout.h) for 1 pool of 1 member, 20 pools of
// 12 members and a topology with unknown addresses: nothing overlaps, every member and address
// is drawn, every text line fits its box, and flows take the colour of their worst finding.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "generated_edge_report.h"
#include "report/edge_diagram_layout.h"

namespace edgeplan::report::diagram {
namespace {

using testing::GeneratedEdge;

bool inside(const Rect& inner, const Rect& outer) {
    constexpr double slack = 0.01;
    return inner.x >= outer.x - slack && inner.y >= outer.y - slack &&
           inner.right() <= outer.right() + slack && inner.bottom() <= outer.bottom() + slack;
}

bool overlap(const Rect& a, const Rect& b) {
    return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom();
}

std::string describe(const Rect& r) {
    return "(" + std::to_string(r.x) + "," + std::to_string(r.y) + " " + std::to_string(r.width) +
           "x" + std::to_string(r.height) + ")";
}

// The boxes that sit side by side in a band; members, VIPs and next hops sit inside them.
bool top_level(BoxKind k) {
    return k == BoxKind::internet || k == BoxKind::firewall || k == BoxKind::pool ||
           k == BoxKind::network || k == BoxKind::flows;
}

void expect_sound(const Layout& layout) {
    const Rect canvas{0, 0, layout.width, layout.height};
    for (std::size_t i = 0; i < layout.boxes.size(); ++i) {
        const Box& a = layout.boxes[i];
        EXPECT_GT(a.rect.height, 0) << a.id;
        EXPECT_TRUE(inside(a.rect, canvas)) << a.id << describe(a.rect);
        for (std::size_t j = i + 1; j < layout.boxes.size(); ++j) {
            const Box& b = layout.boxes[j];
            const bool siblings = (top_level(a.kind) && top_level(b.kind)) ||
                                  (!top_level(a.kind) && !top_level(b.kind));
            if (siblings) {
                EXPECT_FALSE(overlap(a.rect, b.rect))
                    << a.id << describe(a.rect) << " overlaps " << b.id << describe(b.rect);
            }
        }
        // A member or VIP box lies inside a pool box, a next hop inside a network box.
        if (!top_level(a.kind)) {
            const BoxKind parent = a.kind == BoxKind::next_hop ? BoxKind::network : BoxKind::pool;
            EXPECT_TRUE(std::any_of(layout.boxes.begin(), layout.boxes.end(), [&](const Box& p) {
                return p.kind == parent && inside(a.rect, p.rect);
            })) << a.id;
        }
    }
    // Every line of text inside its box (or the canvas), and no two lines on top of each other.
    std::vector<std::size_t> order(layout.texts.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return layout.texts[a].extent().y < layout.texts[b].extent().y;
    });
    for (std::size_t k = 0; k < order.size(); ++k) {
        const TextLine& t = layout.texts[order[k]];
        const Rect e = t.extent();
        const Rect& box = t.box < 0 ? canvas : layout.boxes[static_cast<std::size_t>(t.box)].rect;
        EXPECT_TRUE(inside(e, box))
            << "'" << t.text << "' " << describe(e) << " not in " << describe(box);
        for (std::size_t l = k + 1; l < order.size(); ++l) {
            const TextLine& u = layout.texts[order[l]];
            if (u.extent().y >= e.bottom()) break;
            EXPECT_FALSE(overlap(e, u.extent())) << "'" << t.text << "' and '" << u.text << "'";
        }
    }
    // Arrows run inside the canvas, horizontally, with their label above them.
    for (const Arrow& a : layout.arrows) {
        EXPECT_TRUE(inside({std::min(a.x1, a.x2), a.y1, std::abs(a.x2 - a.x1), 0}, canvas));
        ASSERT_FALSE(a.labels.empty());
        EXPECT_LT(layout.texts[a.labels.back()].extent().bottom(), a.y1);
    }
}

bool has_text(const Layout& layout, const std::string& needle) {
    return std::any_of(layout.texts.begin(), layout.texts.end(),
                       [&](const TextLine& t) { return t.text.find(needle) != std::string::npos; });
}

std::size_t count_boxes(const Layout& layout, BoxKind kind) {
    return static_cast<std::size_t>(std::count_if(layout.boxes.begin(), layout.boxes.end(),
                                                  [&](const Box& b) { return b.kind == kind; }));
}

void expect_every_member(const Layout& layout, const Report& report) {
    std::size_t members = 0;
    for (const topology::EdgePoolAddressing& pool : report.plan.edge_pools) {
        for (const topology::MemberAddressing& m : pool.members) {
            ++members;
            EXPECT_TRUE(std::any_of(layout.boxes.begin(), layout.boxes.end(), [&](const Box& b) {
                return b.kind == BoxKind::member && b.id == m.fqdn;
            })) << m.fqdn;
            for (const auto* s : {&m.access, &m.webconf, &m.av}) {
                for (const std::string& ip : s->interface_ips) EXPECT_TRUE(has_text(layout, ip));
                for (const std::string& ip : s->public_ips) EXPECT_TRUE(has_text(layout, ip));
            }
            for (const std::string& ip : m.internal_ips) EXPECT_TRUE(has_text(layout, ip));
        }
    }
    EXPECT_EQ(count_boxes(layout, BoxKind::member), members);
    EXPECT_EQ(count_boxes(layout, BoxKind::pool), report.plan.edge_pools.size());
    EXPECT_EQ(layout.arrows.size(), report.plan.firewall.size());
}

TEST(EdgeDiagramLayout, OnePoolOfOneMember) {
    const Report r = testing::generated_edge_report({1, 1, false, ""});
    const Layout layout = lay_out(r);
    expect_sound(layout);
    expect_every_member(layout, r);
    EXPECT_TRUE(has_text(layout, "sip1.contoso.com")) << "the DNS name of the Access address";
    EXPECT_TRUE(has_text(layout, "fe1.contoso.net"));
    EXPECT_TRUE(has_text(layout, "10.2.1.5")) << "the next hop's address";
    // Small enough to leave the findings in view on a 900 px high window.
    EXPECT_LT(layout.height, 560);
}

TEST(EdgeDiagramLayout, TwentyPoolsOfTwelveMembers) {
    const Report r = testing::generated_edge_report({20, 12, false, ""});
    const Layout layout = lay_out(r);
    expect_sound(layout);
    expect_every_member(layout, r);
    EXPECT_TRUE(has_text(layout, "172.16.20.82 -> 198.18.20.82 (NAT public)"));
}

TEST(EdgeDiagramLayout, UnknownAddressesAreSaidNotGuessed) {
    const Report r = testing::generated_edge_report({2, 2, true, ""});
    const Layout layout = lay_out(r);
    expect_sound(layout);
    expect_every_member(layout, r);
    EXPECT_TRUE(has_text(layout, "address unknown")) << "member 1 of pool 1 has no A/V address";
    EXPECT_TRUE(has_text(layout, "next hop pool unknown"));
}

TEST(EdgeDiagramLayout, LongAndHostileNamesWrapInsideTheirBoxes) {
    const std::string suffix = "<script>alert('x')</script>\"&amp;" + std::string(150, 'w') +
                               ".東京東京東京東京東京東京東京東京東京東京東京東京東京東京東京";
    const Report r = testing::generated_edge_report({3, 2, false, suffix});
    const Layout layout = lay_out(r);
    expect_sound(layout);
    expect_every_member(layout, r);
}

TEST(EdgeDiagramLayout, ReportWithoutEdgePoolsStillDrawsTheFlows) {
    Report r = testing::generated_edge_report({1, 2, false, ""});
    r.plan.edge_pools.clear();  // as in a report saved before the plan carried them
    const Layout layout = lay_out(r);
    expect_sound(layout);
    EXPECT_EQ(layout.arrows.size(), r.plan.firewall.size());
    EXPECT_TRUE(has_text(layout, "lists no members"));
}

TEST(EdgeDiagramLayout, EmptyPlanHasNoDiagram) { EXPECT_TRUE(lay_out(Report{}).boxes.empty()); }

const Arrow& arrow_for(const Layout& layout, const Report& r, const std::string& rule,
                       const std::string& pool) {
    for (const Arrow& a : layout.arrows) {
        const topology::FirewallRule& f = r.plan.firewall[a.rule];
        if (f.rule == rule && f.pool_id == pool) return a;
    }
    throw std::runtime_error("no arrow for " + rule);
}

TEST(EdgeDiagramLayout, FlowsTakeTheColourOfTheirWorstFinding) {
    Report r = testing::generated_edge_report({2, 2, false, ""});
    const Layout layout = lay_out(r);
    const Arrow& access = arrow_for(layout, r, "PORT-EXT-05", "edge1");
    EXPECT_EQ(access.state, FlowState::fail);
    EXPECT_EQ(access.href, "#finding-1");
    EXPECT_NE(access.tooltip.find("fail PORT-EXT-05 tcp:198.18.1.11:443"), std::string::npos)
        << access.tooltip;
    EXPECT_EQ(access.label, "TCP 443 SIP/TLS - Access");
    EXPECT_EQ(arrow_for(layout, r, "PORT-EXT-08", "edge1").state, FlowState::pass);
    EXPECT_EQ(arrow_for(layout, r, "PORT-EXT-13", "edge1").state, FlowState::warn);
    const Arrow& other = arrow_for(layout, r, "PORT-EXT-05", "edge2");
    EXPECT_EQ(other.state, FlowState::none);
    EXPECT_TRUE(other.href.empty());
    EXPECT_NE(other.tooltip.find("not probed"), std::string::npos);

    // A pass and a fail about one rule: the fail wins, and its card is the link.
    r.findings.insert(r.findings.begin(), testing::port_finding("PORT-EXT-05", checks::Status::pass,
                                                                "tcp:198.18.1.11:443"));
    const Layout again = lay_out(r);
    EXPECT_EQ(arrow_for(again, r, "PORT-EXT-05", "edge1").state, FlowState::fail);
    EXPECT_EQ(arrow_for(again, r, "PORT-EXT-05", "edge1").href, "#finding-2");
}

// Inbound flows point at the Edge: rightwards outside, leftwards inside.
TEST(EdgeDiagramLayout, ArrowsPointTheWayTrafficIsOpened) {
    const Report r = testing::generated_edge_report({1, 1, false, ""});
    const Layout layout = lay_out(r);
    for (const Arrow& a : layout.arrows) {
        const topology::FirewallRule& f = r.plan.firewall[a.rule];
        const bool rightwards = a.x2 > a.x1;
        const bool inbound = f.direction == topology::Direction::inbound;
        EXPECT_EQ(rightwards, inbound == (f.side == topology::FirewallSide::external)) << f.row;
    }
}

TEST(EdgeDiagramText, WrapKeepsEveryCharacterAndTheWidth) {
    const std::string text = "sip.a-very-long-sub-domain.of.contoso.com, 東京東京.example, x";
    for (std::size_t width : {2u, 5u, 9u, 17u, 40u, 200u}) {
        std::string joined;
        for (const std::string& line : wrap_text(text, width)) {
            EXPECT_LE(text_columns(line), width) << line;
            joined += line;
        }
        std::string expected = text;
        expected.erase(std::remove(expected.begin(), expected.end(), ' '), expected.end());
        joined.erase(std::remove(joined.begin(), joined.end(), ' '), joined.end());
        EXPECT_EQ(joined, expected) << width;
    }
    EXPECT_EQ(wrap_text("edge01.contoso.net", 12),
              (std::vector<std::string>{"edge01.", "contoso.net"}));
    EXPECT_EQ(text_columns("東京x"), 5u);
    EXPECT_EQ(wrap_text("", 10), std::vector<std::string>{""});
}

TEST(EdgeDiagramText, WrapKeepsAVOnOneLine) {
    // An arrow label: "A/" at a line's end and "V" on the next read as two words.
    const std::string text = "UDP 3478 STUN/MSTURN - A/V VIP";
    for (std::size_t width = 4; width <= text.size(); ++width) {
        bool whole = false;
        for (const std::string& line : wrap_text(text, width)) {
            EXPECT_FALSE(line.size() >= 2 && line.compare(line.size() - 2, 2, "A/") == 0)
                << width << ": " << line;
            whole = whole || line.find("A/V") != std::string::npos;
        }
        EXPECT_TRUE(whole) << width;
    }
    EXPECT_EQ(wrap_text("STUN/MSTURN", 8), (std::vector<std::string>{"STUN/", "MSTURN"}));
}

}  // namespace
}  // namespace edgeplan::report::diagram
