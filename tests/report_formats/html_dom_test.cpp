#include <gtest/gtest.h>

#include <functional>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <string>

#include "report/html_dom.h"

namespace edgeplan::report::html {
namespace {

std::string write(const pugi::xml_document& doc) {
    std::ostringstream out;
    write_document(doc, out);
    return out.str();
}

TEST(HtmlDom, VoidElementsHaveNoEndTagOthersAlwaysDo) {
    pugi::xml_document doc;
    pugi::xml_node div = element(doc, "div", {{"class", "a"}});
    element(div, "input", {{"type", "checkbox"}});
    element(div, "span");
    const std::string out = write(doc);
    EXPECT_EQ(out,
              "<!DOCTYPE html>\n<div class=\"a\"><input type=\"checkbox\"><span></span></div>\n");
}

TEST(HtmlDom, TextAndAttributesAreEscaped) {
    pugi::xml_document doc;
    element(doc, "p", "<b>&\"x\"</b>", {{"title", "\"><script>&"}});
    EXPECT_EQ(write(doc),
              "<!DOCTYPE html>\n<p title=\"&quot;&gt;&lt;script&gt;&amp;\">"
              "&lt;b&gt;&amp;\"x\"&lt;/b&gt;</p>\n");
}

TEST(HtmlDom, RawTextThatCouldCloseItsElementThrows) {
    pugi::xml_document doc;
    element(doc, "script").append_child(pugi::node_pcdata).set_value("a = 1; </script><b>");
    EXPECT_THROW(write(doc), std::logic_error);
}

TEST(HtmlDom, VoidElementWithContentThrows) {
    pugi::xml_document doc;
    element(doc, "input", "text", {});
    EXPECT_THROW(write(doc), std::logic_error);
}

// A page with nesting, void, raw-text and block elements; `flush` is called at the points a
// streaming renderer would (after rows, inside a nested group, on a node left open for a later
// sibling), with the node it would flush.
void build_page(pugi::xml_document& doc, const std::function<void(pugi::xml_node)>& flush) {
    pugi::xml_node html = element(doc, "html", {{"lang", "en"}});
    pugi::xml_node head = element(html, "head");
    element(head, "meta", {{"charset", "utf-8"}});
    element(head, "style").append_child(pugi::node_pcdata).set_value("p > b { color: red }");
    pugi::xml_node main = element(element(html, "body"), "main");
    flush(main);
    pugi::xml_node section = element(main, "section", {{"id", "list"}});
    element(section, "h2", "A <list> & \"more\"", {});
    pugi::xml_node list = element(section, "div", {{"class", "list"}});
    for (int i = 0; i < 7; ++i) {
        pugi::xml_node group = element(list, "section", {{"data-n", std::to_string(i)}});
        for (int j = 0; j < 3; ++j) {
            pugi::xml_node p = element(group, "p", "row " + std::to_string(j), {});
            element(p, "br");
            text(p, "after <br>");
            flush(group);
        }
        element(group, "p", "closing words of group " + std::to_string(i), {});
        flush(list);
    }
    pugi::xml_node table = element(element(main, "div", {{"class", "box"}}), "table");
    for (int i = 0; i < 5; ++i) {
        pugi::xml_node tr = element(table, "tr");
        element(tr, "td", std::to_string(i), {});
        element(tr, "td", "<td>", {{"title", "\"x\""}});
        flush(table);
    }
    flush(main);
    element(main, "p", "last", {});
    element(main.parent(), "script").append_child(pugi::node_pcdata).set_value("let a = 1 < 2;");
}

TEST(PageWriter, FlushesGiveTheBytesOfOneWrite) {
    pugi::xml_document whole;
    build_page(whole, [](pugi::xml_node) {});
    const std::string expected = write(whole);

    std::ostringstream streamed;
    pugi::xml_document doc;
    PageWriter page(doc, streamed, 1);
    std::size_t flushes = 0;
    build_page(doc, [&](pugi::xml_node node) {
        const std::size_t before = streamed.str().size();
        page.flush(node);
        EXPECT_FALSE(node.first_child()) << "flush removes what it wrote";
        if (streamed.str().size() > before) ++flushes;
    });
    page.finish();
    EXPECT_EQ(streamed.str(), expected);
    EXPECT_GT(flushes, 30u) << "the page was written in parts";
    EXPECT_FALSE(doc.first_child()) << "nothing is held after finish()";
}

TEST(PageWriter, RowsAreFlushedInBatches) {
    std::ostringstream streamed;
    pugi::xml_document doc;
    PageWriter page(doc, streamed, 3);
    pugi::xml_node list = element(doc, "ul");
    for (int i = 0; i < 7; ++i) {
        element(list, "li", std::to_string(i), {});
        page.row_added(list);
        EXPECT_EQ(static_cast<std::size_t>(std::distance(list.begin(), list.end())),
                  static_cast<std::size_t>((i + 1) % 3));
    }
    page.finish();
    EXPECT_EQ(streamed.str(),
              "<!DOCTYPE html>\n<ul><li>0</li>\n<li>1</li>\n<li>2</li>\n<li>3</li>\n<li>4</li>\n"
              "<li>5</li>\n<li>6</li>\n</ul>\n");
}

TEST(PageWriter, RawTextThatCouldCloseItsElementThrowsWhenFlushed) {
    std::ostringstream streamed;
    pugi::xml_document doc;
    PageWriter page(doc, streamed, 1);
    pugi::xml_node script = element(doc, "script");
    script.append_child(pugi::node_pcdata).set_value("a = 1; </script><b>");
    EXPECT_THROW(page.flush(script), std::logic_error);
}

TEST(PageWriter, VoidElementCannotBeFlushedOpen) {
    std::ostringstream streamed;
    pugi::xml_document doc;
    PageWriter page(doc, streamed, 1);
    EXPECT_THROW(page.flush(element(doc, "input")), std::logic_error);
}

}  // namespace
}  // namespace edgeplan::report::html
