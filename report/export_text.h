#pragma once
// Small text helpers the exporters share: what may go into a file name, a DNS master file or a
// configuration file without changing its meaning.
#include <string>

namespace edgeplan::report::export_text {

// Host names as the exports accept them: LDH labels plus '_' (SRV owners), no empty label,
// at most 253 characters, no trailing dot.
bool is_dns_name(const std::string& name);

// A file name stem made of [A-Za-z0-9._-] only (anything else becomes '_'), never "." or "..".
std::string file_stem(const std::string& text);

// One line of free text for a comment: control characters become spaces.
std::string comment_text(const std::string& text);

// `dir` joined with `name`.
std::string join(const std::string& dir, const std::string& name);

}  // namespace edgeplan::report::export_text
