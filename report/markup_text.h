#pragma once
// Text that XML 1.0 and HTML accept as character data. Report strings come from input files and
// probes: they may hold control characters (which XML 1.0 forbids even escaped) or bytes that are
// not UTF-8. Escaping of <, & and quotes is the serialiser's job, not this one.
#include <string>
#include <string_view>

namespace edgeplan::report {

// Valid UTF-8 in, same text out. Tab, LF and CR are kept; other C0 controls, DEL, U+FFFE and
// U+FFFF become a visible \xNN or \u{FFFE}; each byte of a malformed UTF-8 sequence becomes
// U+FFFD.
std::string markup_safe(std::string_view s);

}  // namespace edgeplan::report
