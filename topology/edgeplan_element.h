#pragma once
// Strict reading of one element of the edgeplan format (docs/topology-format.md): every
// attribute and child element must be one the format defines, so a typo is an input error
// instead of a silently ignored setting. Typed getters validate values and report the
// attribute's own file:line:column.
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <pugixml.hpp>

#include "topology/source_location.h"
#include "topology/xml_source.h"

namespace edgeplan::topology::edgeplan_format {

class Element {
  public:
    // Throws InputError on an attribute or child element not in the lists, on a child element
    // outside the edgeplan namespace and on text content (the format is attributes only).
    Element(const XmlSource& source, pugi::xml_node node,
            std::initializer_list<const char*> attributes,
            std::initializer_list<const char*> children);

    const XmlSource& source() const { return *source_; }
    pugi::xml_node node() const { return node_; }
    std::string name() const;
    SourceLocation where() const;
    SourceLocation where(const char* attribute) const;

    bool has(const char* attribute) const;
    // Raw value, as written.
    std::optional<std::string> text(const char* attribute) const;
    // Value with surrounding XML white space removed; an empty value is an input error.
    std::optional<std::string> token(const char* attribute) const;
    std::string required_token(const char* attribute) const;
    // Host names are case-insensitive (RFC 4343); stored lower case.
    std::optional<std::string> fqdn(const char* attribute) const;
    std::string required_fqdn(const char* attribute) const;
    std::optional<bool> boolean(const char* attribute) const;
    bool boolean_or(const char* attribute, bool fallback) const;
    std::optional<int> port(const char* attribute) const;
    // Canonical text of an IPv4 or IPv6 address.
    std::optional<std::string> ip(const char* attribute) const;
    std::string required_ip(const char* attribute) const;

    template <typename E>
    std::optional<E> choice(const char* attribute,
                            std::initializer_list<std::pair<const char*, E>> options) const {
        const std::optional<std::string> value = token(attribute);
        if (!value) return std::nullopt;
        std::string expected;
        for (const auto& option : options) {
            if (*value == option.first) return option.second;
            expected += (expected.empty() ? "" : ", ") + std::string(option.first);
        }
        fail_at(attribute, "attribute '" + std::string(attribute) + "' must be one of " + expected +
                               "; got '" + *value + "'");
    }

    std::vector<pugi::xml_node> children(const char* name) const;
    // At most one such child; an empty node when there is none.
    pugi::xml_node optional_child(const char* name) const;
    pugi::xml_node required_child(const char* name) const;

    [[noreturn]] void fail(const std::string& message) const;
    [[noreturn]] void fail_at(const char* attribute, const std::string& message) const;

  private:
    const XmlSource* source_;
    pugi::xml_node node_;
};

// ASCII lower case: host names and ids compare case-insensitively, independent of locale.

}  // namespace edgeplan::topology::edgeplan_format
