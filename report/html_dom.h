#pragma once
// Building the HTML report as a DOM (pugixml nodes) and writing it as HTML5. Data only ever
// becomes text nodes or attribute values, which the writer escapes, so a topology holding
// `<script>` shows as text (STYLE.md: "all text escaped by construction").
#include <cstddef>
#include <initializer_list>
#include <ostream>
#include <pugixml.hpp>
#include <string>
#include <utility>
#include <vector>

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

// Writes a document while it is being built, so that a page of hundreds of megabytes is never
// held whole as a DOM (docs/performance.md "The HTML page written as it is built"). flush(node)
// writes what is built up to `node`: the start tags of `node` and its ancestors, every node
// before them, and the children `node` has so far; it removes what it wrote from the document
// and leaves `node` open for more children. A node is complete once a flush reached past it:
// code must not add to it afterwards (or remove it), and handles to written nodes are invalid.
// finish() writes the rest. The bytes are those write_document would give for the whole DOM,
// with the same rules and checks.
class PageWriter {
  public:
    // Writes "<!DOCTYPE html>". `rows_per_flush` is row_added()'s batch size (at least 1).
    PageWriter(pugi::xml_document& document, std::ostream& out, std::size_t rows_per_flush);
    PageWriter(const PageWriter&) = delete;
    PageWriter& operator=(const PageWriter&) = delete;

    void flush(pugi::xml_node node);
    // For the loops whose output grows with the input: one row (card, article) was appended
    // to `parent`; every `rows_per_flush` rows, flush(parent).
    void row_added(pugi::xml_node parent);
    void finish();

  private:
    void close_deepest();
    pugi::xml_document& document_;
    std::ostream& out_;
    std::vector<pugi::xml_node> open_;  // elements whose start tag is written, outermost first
    std::size_t rows_per_flush_;
    std::size_t rows_ = 0;
};

}  // namespace edgeplan::report::html
