#pragma once
// Canonical subjects (docs/subjects.md) and area names as an administrator says them. The text
// and HTML reports show these words; JSON, SARIF and JUnit keep the canonical subject, which is
// the stable key of baselines and waivers.
#include <string>

namespace edgeplan::report {

// "pool:edge01" -> "pool edge01", "dns:sip.contoso.com/A" -> "DNS A record sip.contoso.com",
// "unknown:PORT-INT-05:pool:sba01" -> "missing fact for PORT-INT-05 about pool sba01".
// A subject of no documented form is returned as it is.
std::string subject_in_words(const std::string& subject);

// "load_balancing" -> "load balancing", "pic" -> "public IM (PIC)".
std::string area_in_words(const std::string& area);

}  // namespace edgeplan::report
