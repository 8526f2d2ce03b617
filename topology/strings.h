#pragma once
// The small string helpers every layer needs (join, lower, trim, case-blind compare). They
// live in the lowest layer so checks/, report/ and app/ share one copy instead of their own.
#include <string>
#include <string_view>
#include <vector>

#include "topology/interned_text.h"

namespace edgeplan::strings {

// The items separated by `separator`; `when_empty` when that leaves no text.
std::string join(const std::vector<std::string>& items, std::string_view separator = ", ",
                 std::string_view when_empty = "");
std::string join(const std::vector<topology::InternedText>& items,
                 std::string_view separator = ", ", std::string_view when_empty = "");

// ASCII lower case (DNS names, FQDNs, enum words; never locale-dependent).
std::string lower(std::string text);

// ASCII case-insensitive equality, without allocating.
bool iequals(std::string_view a, std::string_view b);

// `text` without leading and trailing characters from `blanks`.
std::string trim(std::string_view text, std::string_view blanks = " \t");

}  // namespace edgeplan::strings
