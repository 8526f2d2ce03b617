#include "report/html_dom.h"

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

void write_node(std::ostream& out, const pugi::xml_node& node) {
    if (node.type() == pugi::node_pcdata) {
        escape(out, node.value(), false);
        return;
    }
    if (node.type() != pugi::node_element) return;  // the DOM holds nothing else
    const char* name = node.name();
    out << '<' << name;
    for (const pugi::xml_attribute& a : node.attributes()) {
        out << ' ' << a.name() << "=\"";
        escape(out, a.value(), true);
        out << '"';
    }
    out << '>';
    if (is_void(name)) {
        if (node.first_child()) throw std::logic_error(std::string("<") + name + "> has content");
        if (is_block(name)) out << '\n';
        return;
    }
    for (const pugi::xml_node& child : node.children()) {
        if (is_raw_text(name) && child.type() == pugi::node_pcdata) {
            write_raw(out, name, child.value());
        } else {
            write_node(out, child);
        }
    }
    out << "</" << name << '>';
    if (is_block(name)) out << '\n';
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

}  // namespace edgeplan::report::html
