#pragma once
// Report strings as GitHub-flavoured Markdown text, for the pull-request formats (report and
// diff). The strings come from input files: escaped here, they can never start a heading, a
// link, an image, emphasis, a table cell or raw HTML.
#include <string>
#include <string_view>

namespace edgeplan::report::markdown {

// One line of inert text: control characters made visible (text::clean), newlines become
// spaces, Markdown punctuation is backslash-escaped and <, > and & become entities.
std::string escape(std::string_view s);

}  // namespace edgeplan::report::markdown
