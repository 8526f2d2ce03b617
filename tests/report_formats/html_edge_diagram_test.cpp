// The Edge diagram as written into the HTML report: where it sits, and the SVG's structure
// (parsed back as XML: the writer closes every element and escapes every value).
#include <gtest/gtest.h>

#include <pugixml.hpp>
#include <sstream>
#include <string>

#include "generated_edge_report.h"
#include "report/ci_renderers.h"

namespace edgeplan::report {
namespace {

std::string html(const Report& r) {
    std::ostringstream out;
    render_html(r, out);
    return out.str();
}

std::string diagram_section(const std::string& page) {
    const std::size_t from = page.find("<section class=\"edge-diagram\"");
    if (from == std::string::npos) return "";
    return page.substr(from, page.find("</section>", from) + 10 - from);
}

struct Parsed {
    pugi::xml_document doc;
    pugi::xml_parse_result result;
    explicit Parsed(const std::string& xml) : result(doc.load_string(xml.c_str())) {}
    pugi::xml_node svg() const { return doc.select_node("//svg").node(); }
};

TEST(HtmlEdgeDiagram, OpensPlanAndCheckReportsBeforeTheFindings) {
    for (const char* command : {"plan", "check"}) {
        Report r = testing::generated_edge_report({1, 2, false, ""});
        r.command = command;
        const std::string page = html(r);
        const std::size_t diagram = page.find("<section class=\"edge-diagram\"");
        ASSERT_NE(diagram, std::string::npos) << command;
        EXPECT_LT(diagram, page.find("id=\"findings\"")) << command;
        EXPECT_LT(diagram, page.find("id=\"plan\"")) << command;
    }
}

TEST(HtmlEdgeDiagram, SvgScalesWithThePageAndNeedsNoScript) {
    const Report r = testing::generated_edge_report({2, 2, false, ""});
    const Parsed p(diagram_section(html(r)));
    ASSERT_TRUE(p.result) << p.result.description();
    const pugi::xml_node svg = p.svg();
    ASSERT_TRUE(svg);
    EXPECT_STREQ(svg.attribute("width").value(), "100%");
    EXPECT_FALSE(svg.attribute("height")) << "the height follows the viewBox";
    EXPECT_EQ(std::string(svg.attribute("viewBox").value()).rfind("0 0 1280 ", 0), 0u);
    EXPECT_FALSE(p.doc.select_node("//script"));
    EXPECT_FALSE(p.doc.select_node("//foreignObject"));
    // One arrow per firewall rule of the plan.
    EXPECT_EQ(p.doc.select_nodes("//g[@class='flows']/*/line").size(), r.plan.firewall.size());
}

TEST(HtmlEdgeDiagram, FailingPortIsARedArrowLinkedToItsCard) {
    const Report r = testing::generated_edge_report({2, 2, false, ""});
    const Parsed p(diagram_section(html(r)));
    ASSERT_TRUE(p.result);
    const pugi::xpath_node_set failing = p.doc.select_nodes("//a[@class='flow flow-fail']");
    ASSERT_EQ(failing.size(), 1u) << "only TCP 443 to the Access Edge of pool 1 failed";
    const pugi::xml_node a = failing[0].node();
    EXPECT_STREQ(a.attribute("href").value(), "#finding-1");
    EXPECT_STREQ(a.child("line").attribute("stroke").value(), "#c62828");
    const std::string tooltip = a.child("title").text().get();
    EXPECT_NE(tooltip.find("PORT-EXT-05"), std::string::npos) << tooltip;
    EXPECT_NE(tooltip.find("fail"), std::string::npos) << tooltip;
    EXPECT_STREQ(a.child("text").text().get(), "TCP 443 SIP/TLS - Access");
    // Not probed: grey, dashed, no link.
    const pugi::xml_node none = p.doc.select_node("//g[@class='flow flow-none']").node();
    ASSERT_TRUE(none);
    EXPECT_STREQ(none.child("line").attribute("stroke").value(), "#8a9099");
    EXPECT_TRUE(none.child("line").attribute("stroke-dasharray"));
    // The card it links to exists.
    EXPECT_NE(html(r).find("id=\"finding-1\""), std::string::npos);
}

TEST(HtmlEdgeDiagram, HostileNamesStayText) {
    const std::string suffix = "<script>document.title='pwned'</script>\"&x";
    const Report r = testing::generated_edge_report({1, 1, false, suffix});
    const std::string section = diagram_section(html(r));
    EXPECT_EQ(section.find("<script"), std::string::npos);
    EXPECT_NE(section.find("&lt;script&gt;document.title='pwned'&lt;/script&gt;"),
              std::string::npos);
    const Parsed p(section);
    ASSERT_TRUE(p.result) << p.result.description();
    bool found = false;
    for (const pugi::xpath_node& t : p.doc.select_nodes("//text")) {
        found = found || std::string(t.node().text().get()).find("<script>") != std::string::npos;
    }
    EXPECT_TRUE(found) << "the name is drawn, as text";
}

TEST(HtmlEdgeDiagram, NoPoolNoDrawing) {
    const Parsed p(diagram_section(html(Report{})));
    ASSERT_TRUE(p.result);
    EXPECT_FALSE(p.svg());
    EXPECT_TRUE(p.doc.select_node("//p"));
}

}  // namespace
}  // namespace edgeplan::report
