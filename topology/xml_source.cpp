#include "topology/xml_source.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <string_view>
#include <vector>

#include "topology/input_error.h"
#include "topology/input_file.h"
#include "topology/xml_characters.h"

namespace edgeplan::topology {
namespace {

void append_utf8(std::string& out, uint32_t code_point) {
    if (code_point < 0x80) {
        out += char(code_point);
    } else if (code_point < 0x800) {
        out += char(0xC0 | (code_point >> 6));
        out += char(0x80 | (code_point & 0x3F));
    } else if (code_point < 0x10000) {
        out += char(0xE0 | (code_point >> 12));
        out += char(0x80 | ((code_point >> 6) & 0x3F));
        out += char(0x80 | (code_point & 0x3F));
    } else {
        out += char(0xF0 | (code_point >> 18));
        out += char(0x80 | ((code_point >> 12) & 0x3F));
        out += char(0x80 | ((code_point >> 6) & 0x3F));
        out += char(0x80 | (code_point & 0x3F));
    }
}

// Decodes UTF-16 starting at `start`; a lone surrogate or an odd byte count is an input error
// (Windows PowerShell writes UTF-16LE with BOM by default, so this is a common real input).
std::string utf16_to_utf8(const std::string& path, const std::string& bytes, std::size_t start,
                          bool big_endian) {
    if ((bytes.size() - start) % 2 != 0) {
        throw InputError({path, 0, 0}, "UTF-16 input has an odd number of bytes");
    }
    auto unit_at = [&](std::size_t i) -> uint32_t {
        const auto hi = static_cast<unsigned char>(bytes[big_endian ? i : i + 1]);
        const auto lo = static_cast<unsigned char>(bytes[big_endian ? i + 1 : i]);
        return (uint32_t(hi) << 8) | lo;
    };
    std::string out;
    out.reserve((bytes.size() - start) / 2);
    int line = 1;
    for (std::size_t i = start; i < bytes.size(); i += 2) {
        uint32_t unit = unit_at(i);
        if (unit >= 0xD800 && unit <= 0xDBFF) {
            if (i + 3 >= bytes.size())
                throw InputError({path, line, 0}, "truncated UTF-16 surrogate pair");
            const uint32_t low = unit_at(i + 2);
            if (low < 0xDC00 || low > 0xDFFF)
                throw InputError({path, line, 0}, "invalid UTF-16 surrogate pair");
            unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
            i += 2;
        } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
            throw InputError({path, line, 0}, "lone UTF-16 low surrogate");
        }
        if (unit == '\n') ++line;
        append_utf8(out, unit);
    }
    return out;
}

std::string decode_to_utf8(const std::string& path, const std::string& bytes) {
    auto starts_with = [&](std::initializer_list<unsigned char> prefix) {
        if (bytes.size() < prefix.size()) return false;
        std::size_t i = 0;
        for (unsigned char c : prefix) {
            if (static_cast<unsigned char>(bytes[i++]) != c) return false;
        }
        return true;
    };
    if (starts_with({0xEF, 0xBB, 0xBF})) return bytes.substr(3);
    if (starts_with({0xFF, 0xFE})) return utf16_to_utf8(path, bytes, 2, false);
    if (starts_with({0xFE, 0xFF})) return utf16_to_utf8(path, bytes, 2, true);
    // UTF-16 without BOM, recognised by "<?" or "<" followed by NUL (XML 1.0 appendix F).
    if (starts_with({0x3C, 0x00})) return utf16_to_utf8(path, bytes, 0, false);
    if (starts_with({0x00, 0x3C})) return utf16_to_utf8(path, bytes, 0, true);
    return bytes;
}

// The name of an attribute that `element` carries twice (XML 1.0 section 3.1, "Unique Att
// Spec"), or null.
const char* duplicate_attribute(const pugi::xml_node& element) {
    std::vector<std::string_view> names;
    for (pugi::xml_attribute attribute : element.attributes()) names.emplace_back(attribute.name());
    std::sort(names.begin(), names.end());
    const auto twice = std::adjacent_find(names.begin(), names.end());
    return twice == names.end() ? nullptr : twice->data();
}

}  // namespace

XmlSource::XmlSource(const std::string& path, const XmlLimits& limits) : path_(path) {
    std::string bytes;
    try {
        bytes = read_input_file(path, limits.max_file_bytes);
    } catch (const InputFileError& e) {
        // The message already starts with the path; the location adds no line or column.
        const std::string text = e.what();
        const std::string prefix = path + ": ";
        throw InputError({path, 0, 0},
                         text.rfind(prefix, 0) == 0 ? text.substr(prefix.size()) : text);
    }
    load(bytes, limits);
}

XmlSource XmlSource::from_bytes(const std::string& name, const std::string& bytes,
                                const XmlLimits& limits) {
    XmlSource source;
    source.path_ = name;
    if (bytes.size() > limits.max_file_bytes) {
        throw InputError({name, 0, 0}, "input is over the size limit of " +
                                           std::to_string(limits.max_file_bytes) + " bytes");
    }
    source.load(bytes, limits);
    return source;
}

void XmlSource::load(const std::string& bytes, const XmlLimits& limits) {
    utf8_ = decode_to_utf8(path_, bytes);
    line_starts_.assign(1, 0);
    for (std::size_t i = 0; i < utf8_.size(); ++i) {
        if (utf8_[i] == '\n') line_starts_.push_back(i + 1);
    }
    if (utf8_.find_first_not_of(" \t\r\n") == std::string::npos) {
        throw InputError({path_, 1, 1}, "file is empty: expected an XML document");
    }
    if (const auto invalid = find_invalid_xml_character(utf8_)) {
        throw InputError(location_at_offset(static_cast<std::ptrdiff_t>(invalid->offset)),
                         invalid->message);
    }
    const unsigned options = pugi::parse_default | pugi::parse_doctype;
    const pugi::xml_parse_result result =
        document_.load_buffer(utf8_.data(), utf8_.size(), options, pugi::encoding_utf8);
    if (!result) {
        throw InputError(location_at_offset(result.offset),
                         std::string("not well-formed XML: ") + result.description());
    }
    // A DOCTYPE is the only way to declare entities; refusing it rules out entity expansion.
    for (pugi::xml_node child : document_.children()) {
        if (child.type() == pugi::node_doctype) {
            throw InputError(location_of(child), "DOCTYPE declarations are not accepted");
        }
    }
    if (!document_.document_element()) {
        throw InputError({path_, 1, 1}, "no root element");
    }
    // Iterative walk: depth, element count and attribute length, without recursion.
    std::size_t elements = 0;
    std::vector<std::pair<pugi::xml_node, int>> stack{{document_.document_element(), 1}};
    while (!stack.empty()) {
        auto [node, depth] = stack.back();
        stack.pop_back();
        if (node.type() != pugi::node_element) continue;
        if (++elements > limits.max_elements) {
            throw InputError(location_of(node),
                             "more than " + std::to_string(limits.max_elements) + " elements");
        }
        if (depth > limits.max_depth) {
            throw InputError(location_of(node), "elements nested deeper than " +
                                                    std::to_string(limits.max_depth) + " levels");
        }
        if (const char* twice = duplicate_attribute(node)) {
            // pugixml keeps both; readers would see the first and never validate the second.
            throw InputError(location_of(node),
                             std::string("attribute '") + twice + "' appears more than once");
        }
        for (pugi::xml_attribute attribute : node.attributes()) {
            if (std::char_traits<char>::length(attribute.value()) > limits.max_attribute_length) {
                throw InputError(location_of(node),
                                 std::string("attribute '") + attribute.name() +
                                     "' is longer than " +
                                     std::to_string(limits.max_attribute_length) + " characters");
            }
        }
        for (pugi::xml_node child : node.children()) stack.emplace_back(child, depth + 1);
    }
}

SourceLocation XmlSource::location_at_offset(std::ptrdiff_t offset) const {
    if (offset < 0) return {path_, 0, 0};
    const auto end = std::min<std::size_t>(static_cast<std::size_t>(offset), utf8_.size());
    if (line_starts_.empty()) return {path_, 1, 1};
    // The last line starting at or before `end`.
    const auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), end);
    const int line = static_cast<int>(next - line_starts_.begin());
    int column = 1;
    for (std::size_t i = *(next - 1); i < end; ++i) {
        // count code points, not continuation bytes
        if ((static_cast<unsigned char>(utf8_[i]) & 0xC0) != 0x80) ++column;
    }
    return {path_, line, column};
}

SourceLocation XmlSource::location_of(const pugi::xml_node& node) const {
    std::ptrdiff_t offset = node.offset_debug();
    // offset_debug points at the element name; the start tag begins one character earlier.
    if (node.type() == pugi::node_element && offset > 0) --offset;
    return location_at_offset(offset);
}

SourceLocation XmlSource::location_of(const pugi::xml_node& owner,
                                      const pugi::xml_attribute& attribute) const {
    const SourceLocation fallback = location_of(owner);
    const std::ptrdiff_t start = owner.offset_debug();
    if (owner.type() != pugi::node_element || start < 0 || !attribute) return fallback;
    const std::string wanted = attribute.name();
    const std::size_t size = utf8_.size();
    auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    std::size_t i = static_cast<std::size_t>(start);
    // Skip the element name, then walk name="value" pairs up to the end of the start tag.
    while (i < size && !is_space(utf8_[i]) && utf8_[i] != '>' && utf8_[i] != '/') ++i;
    while (i < size) {
        while (i < size && is_space(utf8_[i])) ++i;
        if (i >= size || utf8_[i] == '>' || utf8_[i] == '/') break;
        const std::size_t name_start = i;
        while (i < size && !is_space(utf8_[i]) && utf8_[i] != '=' && utf8_[i] != '>') ++i;
        const std::size_t name_end = i;
        while (i < size && is_space(utf8_[i])) ++i;
        if (i >= size || utf8_[i] != '=') break;
        ++i;
        while (i < size && is_space(utf8_[i])) ++i;
        if (i >= size || (utf8_[i] != '"' && utf8_[i] != '\'')) break;
        const char quote = utf8_[i++];
        while (i < size && utf8_[i] != quote) ++i;
        ++i;
        if (utf8_.compare(name_start, name_end - name_start, wanted) == 0) {
            return location_at_offset(static_cast<std::ptrdiff_t>(name_start));
        }
    }
    return fallback;
}

std::string local_name(const pugi::xml_node& node) {
    const std::string name = node.name();
    const auto colon = name.find(':');
    return colon == std::string::npos ? name : name.substr(colon + 1);
}

std::string namespace_of(const pugi::xml_node& node) {
    const std::string name = node.name();
    const auto colon = name.find(':');
    const std::string attribute =
        colon == std::string::npos ? "xmlns" : "xmlns:" + name.substr(0, colon);
    for (pugi::xml_node n = node; n && n.type() == pugi::node_element; n = n.parent()) {
        if (pugi::xml_attribute a = n.attribute(attribute.c_str())) return a.value();
    }
    return "";
}

}  // namespace edgeplan::topology
