#include "report/markdown_text.h"

#include <cstring>

#include "report/markup_text.h"
#include "report/text_table.h"

namespace edgeplan::report::markdown {

std::string escape(std::string_view s) {
    // CommonMark 2.4: any ASCII punctuation may be backslash-escaped; these are the ones that
    // open a construct (emphasis, code, links, images, headings, tables). Escaped text never starts
    // a line (it follows a cell bar or a list marker), so '-', '+' and '.' stay as they are,
    // readable.
    constexpr const char* punctuation = "\\`*_[]()#!~|{}";
    const std::string cleaned = text::clean(markup_safe(s));
    std::string out;
    out.reserve(cleaned.size());
    for (char c : cleaned) {
        if (c == '<') {
            out += "&lt;";
        } else if (c == '>') {
            out += "&gt;";
        } else if (c == '&') {
            out += "&amp;";
        } else if (c != '\0' && std::strchr(punctuation, c) != nullptr) {
            out += '\\';
            out += c;
        } else {
            out += c;
        }
    }
    return out;
}

}  // namespace edgeplan::report::markdown
