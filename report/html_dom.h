#pragma once
// Building the HTML report as a DOM (pugixml nodes) and writing it as HTML5. Data only ever
// becomes text nodes or attribute values, which the writer escapes, so a topology holding
// `<script>` shows as text (STYLE.md: "all text escaped by construction").
#include <initializer_list>
#include <ostream>
#include <pugixml.hpp>
#include <string>
#include <utility>

namespace edgeplan::report::html {

using Attributes = std::initializer_list<std::pair<const char*, std::string>>;

// Appends <name attributes...> to `parent` and returns it.
pugi::xml_node element(pugi::xml_node parent, const char* name, Attributes attributes = {});
// Appends <name attributes...>text</name>.
pugi::xml_node element(pugi::xml_node parent, const char* name, const std::string& text,
                       Attributes attributes);
// Appends a text node (made markup-safe: valid UTF-8, no control characters).
void text(pugi::xml_node parent, const std::string& value);
void attribute(pugi::xml_node node, const char* name, const std::string& value);

// Writes "<!DOCTYPE html>" and the document's element children as HTML5: void elements without
// end tags, every other element with one (never "<div/>"), text and attribute values escaped.
// The content of <script> and <style> is written raw; it must be one of the constants of
// html_assets.cpp, and std::logic_error is thrown if it could close its element ("</").
void write_document(const pugi::xml_document& document, std::ostream& out);

}  // namespace edgeplan::report::html
