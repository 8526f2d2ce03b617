#pragma once
// Reads an XML input file safely and keeps what is needed to point at its elements: byte
// limits, encoding (UTF-8 with or without BOM, UTF-16LE/BE with BOM), a DOCTYPE ban (so no
// entity can expand), nesting depth, attribute length and element count. Every violation is an
// InputError with file:line:column. All three topology formats and the settings file use it.
#include <cstddef>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "topology/source_location.h"

namespace edgeplan::topology {

// Documented in docs/topology-format.md ("Limits").
struct XmlLimits {
    std::size_t max_file_bytes = 16 * 1024 * 1024;
    int max_depth = 64;
    std::size_t max_attribute_length = 4096;
    std::size_t max_elements = 200000;
};

class XmlSource {
  public:
    // Throws InputError when the file cannot be read, is over a limit or is not well-formed XML.
    XmlSource(const std::string& path, const XmlLimits& limits = {});
    // Same from memory (tests, fuzzing); `name` stands for the path in messages.
    static XmlSource from_bytes(const std::string& name, const std::string& bytes,
                                const XmlLimits& limits = {});

    const pugi::xml_document& document() const { return document_; }
    pugi::xml_node root() const { return document_.document_element(); }
    const std::string& path() const { return path_.str(); }

    // Position of a node (its start tag) or an attribute's owner element.
    SourceLocation location_of(const pugi::xml_node& node) const;
    // Position of an attribute's name inside its owner's start tag (pugixml keeps no offsets
    // for attributes); the owner's position when it cannot be found.
    SourceLocation location_of(const pugi::xml_node& owner,
                               const pugi::xml_attribute& attribute) const;
    SourceLocation location_at_offset(std::ptrdiff_t offset) const;
    SourceLocation file_location() const { return SourceLocation{path_, 0, 0}; }

    XmlSource(XmlSource&&) = default;
    XmlSource& operator=(XmlSource&&) = default;

  private:
    XmlSource() = default;
    void load(const std::string& bytes, const XmlLimits& limits);

    SourcePath path_;   // shared by every location it makes
    std::string utf8_;  // the decoded text pugixml parsed; offsets refer to it
    // Offset of each line's first byte: a location is a binary search plus one line's scan, not
    // a scan from the start of the file per element (quadratic on large topologies).
    std::vector<std::size_t> line_starts_;
    pugi::xml_document document_;
};

// Namespace URI of an element: pugixml does not resolve namespaces, so walk up to the nearest
// xmlns (or xmlns:prefix) declaration that binds the element's prefix.
std::string namespace_of(const pugi::xml_node& node);
// Local name without prefix.
std::string local_name(const pugi::xml_node& node);

}  // namespace edgeplan::topology
