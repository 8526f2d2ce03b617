#pragma once
// RFC 6125 section 6.4 host name matching, as a TLS client applies it to a certificate's DNS
// names. edgeplan uses the strict profile: a wildcard is accepted only as the whole leftmost
// label ("*.contoso.com"), never inside a label ("s*.contoso.com", RFC 6125 6.4.3 allows clients
// to refuse those), it matches exactly one label, and it never covers a name directly under a
// public suffix ("*.com", "*.co.uk") because no CA may issue that (CA/B Forum BR 3.2.2.6).
#include <string>
#include <vector>

namespace edgeplan::checks::certificates {

// True when `presented` (a SAN dNSName or CN) matches the host `reference`. Case-insensitive;
// a trailing dot on either side is ignored. IDNs are compared in their A-label (xn--) form.
bool dns_name_matches(const std::string& presented, const std::string& reference);

// True when any presented name matches.
bool any_name_matches(const std::vector<std::string>& presented, const std::string& reference);

// A presented name that contains '*' anywhere.
bool is_wildcard(const std::string& presented);

// True when `presented` is a wildcard edgeplan accepts at all ("*." + at least two labels, the
// parent not a public suffix). Partial-label or deeper wildcards are false.
bool is_acceptable_wildcard(const std::string& presented);

// A small built-in list of public suffixes (the generic TLDs and common two-label country
// suffixes). Not the whole Public Suffix List: enough to refuse "*.com" and "*.co.uk".
bool is_public_suffix(const std::string& domain);

}  // namespace edgeplan::checks::certificates
