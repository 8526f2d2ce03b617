#pragma once
// Small helpers for reading Lync exports: element lookup by (namespace URI, local name), since
// real files redeclare the default namespace per element and never use prefixes
// (topology-xml.md 2.1), and typed attribute reads that fail as InputError at the element.
#include <optional>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "topology/strings.h"
#include "topology/xml_source.h"

namespace edgeplan::topology::lync {

bool is_element(const pugi::xml_node& node, const char* ns, const char* name);
// First child element with that namespace and local name, or an empty node.
pugi::xml_node child(const pugi::xml_node& parent, const char* ns, const char* name);
std::vector<pugi::xml_node> children(const pugi::xml_node& parent, const char* ns,
                                     const char* name);
// Like child(), but a missing element is an InputError at the parent ("missing required
// structure", STYLE.md).
pugi::xml_node require_child(const XmlSource& source, const pugi::xml_node& parent, const char* ns,
                             const char* name);

// A required attribute; empty text counts as missing unless allow_empty (SqlInstanceId
// Name="" is the default SQL instance).
std::string require_attribute(const XmlSource& source, const pugi::xml_node& node, const char* name,
                              bool allow_empty = false);
std::optional<std::string> optional_attribute(const pugi::xml_node& node, const char* name);

// Decimal integer in [min, max]; anything else is an InputError naming the attribute.
int require_int(const XmlSource& source, const pugi::xml_node& node, const char* name, int min,
                int max);
std::optional<int> optional_int(const XmlSource& source, const pugi::xml_node& node,
                                const char* name, int min, int max);

// An IP address attribute in canonical text; "" when the export writes the unspecified address
// (0.0.0.0 / ::), which Lync uses for "not pinned" (topology-xml.md 3). Not an IP: InputError.
std::optional<std::string> optional_ip(const XmlSource& source, const pugi::xml_node& node,
                                       const char* name);

// "true"/"false" (case-insensitive, as .NET writes them); absent = fallback.
bool optional_bool(const XmlSource& source, const pugi::xml_node& node, const char* name,
                   bool fallback);

using strings::iequals;

}  // namespace edgeplan::topology::lync
