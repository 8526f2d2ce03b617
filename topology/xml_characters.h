#pragma once
// XML 1.0 section 2.2 allows only certain characters in a document, whether written raw or as
// a character reference. pugixml does not check: it passes invalid UTF-8 through (which later
// breaks the JSON writer), turns &#xD800; into invalid UTF-8 and &#0; into a NUL that cuts the
// value short. The topology and settings readers therefore check the text first.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace edgeplan::topology {

struct XmlCharacterError {
    std::size_t offset;   // byte offset in the text
    std::string message;  // "invalid UTF-8 (byte 0xE9)", "&#0; is not an XML character", ...
};

// The first character (raw or referenced) that XML 1.0 does not allow, if any.
std::optional<XmlCharacterError> find_invalid_xml_character(std::string_view utf8);

// XML 1.0 production [2] Char.
bool is_xml_char(char32_t code_point);

}  // namespace edgeplan::topology
