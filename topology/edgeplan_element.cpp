#include "topology/edgeplan_element.h"

#include <cstring>

#include "topology/input_error.h"
#include "topology/ip_address.h"
#include "topology/namespaces.h"
#include "topology/strings.h"

namespace edgeplan::topology::edgeplan_format {
namespace {

// xsi:schemaLocation and friends may appear on any element (XML Schema 1.0, 3.2.7).
constexpr const char* xsi_namespace = "http://www.w3.org/2001/XMLSchema-instance";

bool listed(std::initializer_list<const char*> names, const std::string& name) {
    for (const char* n : names) {
        if (name == n) return true;
    }
    return false;
}

std::string join(std::initializer_list<const char*> names) {
    std::string out;
    for (const char* n : names) out += (out.empty() ? "" : ", ") + std::string(n);
    return out.empty() ? "none" : out;
}

// Namespace bound to an attribute's prefix, looked up from the owner element upwards.
std::string attribute_namespace(pugi::xml_node owner, const std::string& prefix) {
    if (prefix == "xml") return "http://www.w3.org/XML/1998/namespace";
    const std::string declaration = "xmlns:" + prefix;
    for (pugi::xml_node n = owner; n && n.type() == pugi::node_element; n = n.parent()) {
        if (pugi::xml_attribute a = n.attribute(declaration.c_str())) return a.value();
    }
    return "";
}

}  // namespace

Element::Element(const XmlSource& source, pugi::xml_node node,
                 std::initializer_list<const char*> attributes,
                 std::initializer_list<const char*> children)
    : source_(&source), node_(node) {
    for (pugi::xml_attribute attribute : node_.attributes()) {
        const std::string name = attribute.name();
        if (name == "xmlns" || name.rfind("xmlns:", 0) == 0) continue;
        const auto colon = name.find(':');
        if (colon != std::string::npos) {
            const std::string uri = attribute_namespace(node_, name.substr(0, colon));
            if (uri == xsi_namespace || uri == "http://www.w3.org/XML/1998/namespace") continue;
        } else if (listed(attributes, name)) {
            continue;
        }
        throw InputError(source_->location_of(node_, attribute),
                         "unknown attribute '" + name + "' on <" + this->name() +
                             ">; expected one of " + join(attributes));
    }
    for (pugi::xml_node child : node_.children()) {
        switch (child.type()) {
            case pugi::node_element: {
                const std::string uri = namespace_of(child);
                if (uri != ns::edgeplan) {
                    throw InputError(source_->location_of(child),
                                     "element <" + std::string(child.name()) + "> in " +
                                         (uri.empty() ? std::string("no namespace")
                                                      : "namespace '" + uri + "'") +
                                         " is not part of the edgeplan format (" + ns::edgeplan +
                                         ")");
                }
                if (!listed(children, local_name(child))) {
                    throw InputError(source_->location_of(child),
                                     "unknown element <" + local_name(child) + "> in <" +
                                         this->name() + ">; expected " + join(children));
                }
                break;
            }
            case pugi::node_pcdata:
            case pugi::node_cdata:
                if (!strings::trim(child.value(), " \t\r\n").empty()) {
                    throw InputError(source_->location_of(child),
                                     "unexpected text in <" + this->name() +
                                         ">: the edgeplan format uses attributes only");
                }
                break;
            default:  // comments and processing instructions carry no data
                break;
        }
    }
}

std::string Element::name() const { return local_name(node_); }

SourceLocation Element::where() const { return source_->location_of(node_); }

SourceLocation Element::where(const char* attribute) const {
    return source_->location_of(node_, node_.attribute(attribute));
}

bool Element::has(const char* attribute) const { return bool(node_.attribute(attribute)); }

std::optional<std::string> Element::text(const char* attribute) const {
    const pugi::xml_attribute a = node_.attribute(attribute);
    if (!a) return std::nullopt;
    return std::string(a.value());
}

std::optional<std::string> Element::token(const char* attribute) const {
    const std::optional<std::string> raw = text(attribute);
    if (!raw) return std::nullopt;
    std::string value = strings::trim(*raw, " \t\r\n");
    if (value.empty()) fail_at(attribute, "attribute '" + std::string(attribute) + "' is empty");
    return value;
}

std::string Element::required_token(const char* attribute) const {
    if (!has(attribute)) {
        fail("<" + name() + "> is missing required attribute '" + attribute + "'");
    }
    return *token(attribute);
}

std::optional<std::string> Element::fqdn(const char* attribute) const {
    const std::optional<std::string> value = token(attribute);
    if (!value) return std::nullopt;
    return strings::lower(*value);
}

std::string Element::required_fqdn(const char* attribute) const {
    return strings::lower(required_token(attribute));
}

std::optional<bool> Element::boolean(const char* attribute) const {
    const std::optional<std::string> value = token(attribute);
    if (!value) return std::nullopt;
    // xs:boolean lexical space.
    if (*value == "true" || *value == "1") return true;
    if (*value == "false" || *value == "0") return false;
    fail_at(attribute, "attribute '" + std::string(attribute) +
                           "' must be a boolean (true or false); got '" + *value + "'");
}

bool Element::boolean_or(const char* attribute, bool fallback) const {
    return boolean(attribute).value_or(fallback);
}

std::optional<int> Element::port(const char* attribute) const {
    const std::optional<std::string> value = token(attribute);
    if (!value) return std::nullopt;
    bool ok = !value->empty() && value->size() <= 5;
    int n = 0;
    for (char c : *value) {
        ok = ok && c >= '0' && c <= '9';
        if (ok) n = n * 10 + (c - '0');
    }
    if (!ok || n < 1 || n > 65535) {
        fail_at(attribute, "attribute '" + std::string(attribute) +
                               "' must be a port number 1-65535; got '" + *value + "'");
    }
    return n;
}

std::optional<std::string> Element::ip(const char* attribute) const {
    const std::optional<std::string> value = token(attribute);
    if (!value) return std::nullopt;
    const std::optional<IpAddress> address = parse_ip(*value);
    if (!address) {
        fail_at(attribute, "attribute '" + std::string(attribute) +
                               "' is not an IPv4 or IPv6 address: '" + *value + "'");
    }
    return address->text;
}

std::string Element::required_ip(const char* attribute) const {
    if (!has(attribute)) {
        fail("<" + name() + "> is missing required attribute '" + attribute + "'");
    }
    return *ip(attribute);
}

std::vector<pugi::xml_node> Element::children(const char* name) const {
    std::vector<pugi::xml_node> out;
    for (pugi::xml_node child : node_.children()) {
        if (child.type() == pugi::node_element && local_name(child) == name) out.push_back(child);
    }
    return out;
}

pugi::xml_node Element::optional_child(const char* name) const {
    const std::vector<pugi::xml_node> found = children(name);
    if (found.size() > 1) {
        throw InputError(source_->location_of(found[1]),
                         "<" + this->name() + "> may hold only one <" + name + ">");
    }
    return found.empty() ? pugi::xml_node() : found.front();
}

pugi::xml_node Element::required_child(const char* name) const {
    const pugi::xml_node child = optional_child(name);
    if (!child) fail("<" + this->name() + "> is missing required element <" + name + ">");
    return child;
}

void Element::fail(const std::string& message) const { throw InputError(where(), message); }

void Element::fail_at(const char* attribute, const std::string& message) const {
    throw InputError(where(attribute), message);
}

}  // namespace edgeplan::topology::edgeplan_format
