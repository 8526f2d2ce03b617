#include <gtest/gtest.h>

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

}  // namespace
}  // namespace edgeplan::report::html
