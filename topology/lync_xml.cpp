#include "topology/lync_xml.h"

#include <algorithm>
#include <cctype>

#include "topology/input_error.h"
#include "topology/ip_address.h"
#include "topology/strings.h"

namespace edgeplan::topology::lync {

bool is_element(const pugi::xml_node& node, const char* ns, const char* name) {
    return node.type() == pugi::node_element && local_name(node) == name &&
           namespace_of(node) == ns;
}

pugi::xml_node child(const pugi::xml_node& parent, const char* ns, const char* name) {
    for (pugi::xml_node node : parent.children()) {
        if (is_element(node, ns, name)) return node;
    }
    return {};
}

std::vector<pugi::xml_node> children(const pugi::xml_node& parent, const char* ns,
                                     const char* name) {
    std::vector<pugi::xml_node> out;
    for (pugi::xml_node node : parent.children()) {
        if (is_element(node, ns, name)) out.push_back(node);
    }
    return out;
}

pugi::xml_node require_child(const XmlSource& source, const pugi::xml_node& parent, const char* ns,
                             const char* name) {
    pugi::xml_node node = child(parent, ns, name);
    if (!node) {
        throw InputError(
            source.location_of(parent),
            "<" + local_name(parent) + "> has no <" + name + "> element in namespace '" + ns + "'");
    }
    return node;
}

std::string require_attribute(const XmlSource& source, const pugi::xml_node& node, const char* name,
                              bool allow_empty) {
    pugi::xml_attribute attribute = node.attribute(name);
    if (!attribute || (!allow_empty && std::string(attribute.value()).empty())) {
        throw InputError(source.location_of(node),
                         "<" + local_name(node) + "> has no " + name + " attribute");
    }
    return attribute.value();
}

std::optional<std::string> optional_attribute(const pugi::xml_node& node, const char* name) {
    pugi::xml_attribute attribute = node.attribute(name);
    if (!attribute) return std::nullopt;
    return std::string(attribute.value());
}

namespace {

std::optional<long long> parse_decimal(const std::string& text) {
    if (text.empty() || text.size() > 12) return std::nullopt;
    long long value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

}  // namespace

std::optional<int> optional_int(const XmlSource& source, const pugi::xml_node& node,
                                const char* name, int min, int max) {
    const std::optional<std::string> text = optional_attribute(node, name);
    if (!text) return std::nullopt;
    const std::optional<long long> value = parse_decimal(*text);
    if (!value || *value < min || *value > max) {
        throw InputError(source.location_of(node), "<" + local_name(node) + "> " + name + "=\"" +
                                                       *text + "\" is not a number from " +
                                                       std::to_string(min) + " to " +
                                                       std::to_string(max));
    }
    return static_cast<int>(*value);
}

int require_int(const XmlSource& source, const pugi::xml_node& node, const char* name, int min,
                int max) {
    require_attribute(source, node, name);
    return *optional_int(source, node, name, min, max);
}

std::optional<std::string> optional_ip(const XmlSource& source, const pugi::xml_node& node,
                                       const char* name) {
    const std::optional<std::string> text = optional_attribute(node, name);
    if (!text) return std::nullopt;
    const std::optional<IpAddress> address = parse_ip(*text);
    if (!address) {
        throw InputError(source.location_of(node), "<" + local_name(node) + "> " + name + "=\"" +
                                                       *text + "\" is not an IP address");
    }
    if (scope_of(*address) == AddressScope::unspecified) return std::string();
    return address->text;
}

bool optional_bool(const XmlSource& source, const pugi::xml_node& node, const char* name,
                   bool fallback) {
    const std::optional<std::string> text = optional_attribute(node, name);
    if (!text) return fallback;
    if (iequals(*text, "true")) return true;
    if (iequals(*text, "false")) return false;
    throw InputError(source.location_of(node), "<" + local_name(node) + "> " + name + "=\"" +
                                                   *text + "\" is neither true nor false");
}

}  // namespace edgeplan::topology::lync
