#include "report/html_dom.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>

#include "report/markup_text.h"

namespace edgeplan::report::html {
namespace {

bool is_void(const char* name) {
    static const char* const voids[] = {"area",  "base", "br",   "col",    "embed", "hr", "img",
                                        "input", "link", "meta", "source", "track", "wbr"};
    for (const char* v : voids) {
        if (std::strcmp(v, name) == 0) return true;
    }
    return false;
}

bool is_raw_text(const char* name) {
    return std::strcmp(name, "script") == 0 || std::strcmp(name, "style") == 0;
}

// Elements after whose end tag a newline keeps the file readable without changing rendering.
bool is_block(const char* name) {
    static const char* const blocks[] = {
        "html",   "head",  "body",  "header", "main",    "footer", "section",  "article", "div",
        "table",  "tr",    "thead", "tbody",  "ul",      "ol",     "li",       "dl",      "p",
        "h1",     "h2",    "h3",    "h4",     "details", "form",   "fieldset", "svg",     "style",
        "script", "title", "meta",  "nav",    "label",   "select", "option"};
    for (const char* b : blocks) {
        if (std::strcmp(b, name) == 0) return true;
    }
    return false;
}

// Writes runs of plain characters with one write() each: a character at a time through
// operator<< cost most of the HTML writer's time at the input limits (docs/performance.md).
void escape(std::ostream& out, const char* s, bool in_attribute) {
    const char* run = s;
    for (; *s != '\0'; ++s) {
        const char* entity = nullptr;
        switch (*s) {
            case '&':
                entity = "&amp;";
                break;
            case '<':
                entity = "&lt;";
                break;
            case '>':
                entity = "&gt;";
                break;
            case '"':
                if (in_attribute) entity = "&quot;";
                break;
            default:
                break;
        }
        if (entity == nullptr) continue;
        out.write(run, s - run);
        out << entity;
        run = s + 1;
    }
    out.write(run, s - run);
}

void write_raw(std::ostream& out, const char* element, const char* content) {
    if (std::strstr(content, "</") != nullptr) {
        throw std::logic_error(std::string("<") + element + "> content must not contain '</'");
    }
    out << content;
}

void write_node(std::ostream& out, const pugi::xml_node& node);

void write_start_tag(std::ostream& out, const pugi::xml_node& element) {
    out << '<' << element.name();
    for (const pugi::xml_attribute& a : element.attributes()) {
        out << ' ' << a.name() << "=\"";
        escape(out, a.value(), true);
        out << '"';
    }
    out << '>';
}

// One child of `parent`, whose start tag is written.
void write_child(std::ostream& out, const pugi::xml_node& parent, const pugi::xml_node& child) {
    const char* name = parent.name();
    if (is_void(name)) throw std::logic_error(std::string("<") + name + "> has content");
    if (is_raw_text(name) && child.type() == pugi::node_pcdata) {
        write_raw(out, name, child.value());
    } else {
        write_node(out, child);
    }
}

void write_end_tag(std::ostream& out, const pugi::xml_node& element) {
    const char* name = element.name();
    if (!is_void(name)) out << "</" << name << '>';
    if (is_block(name)) out << '\n';
}

void write_node(std::ostream& out, const pugi::xml_node& node) {
    if (node.type() == pugi::node_pcdata) {
        escape(out, node.value(), false);
        return;
    }
    if (node.type() != pugi::node_element) return;  // the DOM holds nothing else
    write_start_tag(out, node);
    for (const pugi::xml_node& child : node.children()) write_child(out, node, child);
    write_end_tag(out, node);
}

// Writes the children of `parent` (whose start tag is written) that come before `stop` (all of
// them when `stop` is null), and removes them.
void write_and_remove_children(std::ostream& out, pugi::xml_node parent, pugi::xml_node stop) {
    for (pugi::xml_node child = parent.first_child(); child && child != stop;) {
        const pugi::xml_node next = child.next_sibling();
        if (parent.type() == pugi::node_document) {
            write_node(out, child);
        } else {
            write_child(out, parent, child);
        }
        parent.remove_child(child);
        child = next;
    }
}

}  // namespace

pugi::xml_node element(pugi::xml_node parent, const char* name, Attributes attributes) {
    pugi::xml_node node = parent.append_child(name);
    for (const auto& [key, value] : attributes) attribute(node, key, value);
    return node;
}

pugi::xml_node element(pugi::xml_node parent, const char* name, const std::string& value,
                       Attributes attributes) {
    pugi::xml_node node = element(parent, name, attributes);
    text(node, value);
    return node;
}

void text(pugi::xml_node parent, const std::string& value) {
    if (value.empty()) return;
    parent.append_child(pugi::node_pcdata).set_value(markup_safe(value).c_str());
}

void attribute(pugi::xml_node node, const char* name, const std::string& value) {
    node.append_attribute(name).set_value(markup_safe(value).c_str());
}

void write_document(const pugi::xml_document& document, std::ostream& out) {
    out << "<!DOCTYPE html>\n";
    for (const pugi::xml_node& child : document.children()) write_node(out, child);
}

PageWriter::PageWriter(pugi::xml_document& document, std::ostream& out, std::size_t rows_per_flush)
    : document_(document), out_(out), rows_per_flush_(rows_per_flush == 0 ? 1 : rows_per_flush) {
    out_ << "<!DOCTYPE html>\n";
}

void PageWriter::flush(pugi::xml_node node) {
    if (node.type() != pugi::node_element || node.root() != document_.root()) {
        throw std::logic_error("PageWriter::flush: not an element of the page's document");
    }
    if (is_void(node.name())) {
        throw std::logic_error(std::string("PageWriter::flush: <") + node.name() +
                               "> has no content to flush");
    }
    std::vector<pugi::xml_node> path;  // the document's child first, `node` last
    for (pugi::xml_node n = node; n.type() == pugi::node_element; n = n.parent()) {
        path.push_back(n);
    }
    std::reverse(path.begin(), path.end());
    for (std::size_t level = 0; level < path.size(); ++level) {
        if (level < open_.size() && open_[level] == path[level]) continue;
        // Elements opened for an earlier flush that are not on this path are complete.
        while (open_.size() > level) close_deepest();
        const pugi::xml_node parent = level == 0 ? document_.root() : path[level - 1];
        write_and_remove_children(out_, parent, path[level]);
        write_start_tag(out_, path[level]);
        open_.push_back(path[level]);
    }
    while (open_.size() > path.size()) close_deepest();
    write_and_remove_children(out_, node, pugi::xml_node());
}

void PageWriter::row_added(pugi::xml_node parent) {
    if (++rows_ < rows_per_flush_) return;
    rows_ = 0;
    flush(parent);
}

void PageWriter::close_deepest() {
    pugi::xml_node element = open_.back();
    open_.pop_back();
    write_and_remove_children(out_, element, pugi::xml_node());
    write_end_tag(out_, element);
    element.parent().remove_child(element);
}

void PageWriter::finish() {
    while (!open_.empty()) close_deepest();
    write_and_remove_children(out_, document_.root(), pugi::xml_node());
}

}  // namespace edgeplan::report::html
