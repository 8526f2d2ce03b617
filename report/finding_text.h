#pragma once
// Plain-text pieces of a finding shared by the CI formats (JUnit bodies, SARIF help): the same
// words the text report uses, without its layout. No cleaning here: each format escapes its own.
#include <string>

#include "checks/check.h"
#include "checks/finding.h"

namespace edgeplan::report {

// "CR-EXT (page.md <https://learn.microsoft.com/...>); DS-S1 (page.md <...>)": each page with
// the address to read it at (source_links.h) when there is one.
std::string citation_text(const checks::CheckInfo& info);

// One "label: value" line each: "at: file:line:column" (when known), "key=value" per evidence
// pair, "skip: reason", "fix: remediation" (fail and warn), "cite: ..." (when `info` is known).
std::string finding_details(const checks::Finding& finding, const checks::CheckInfo* info);

// The area a finding is grouped under: its check's area, "uncatalogued" without metadata.
std::string finding_area(const checks::CheckInfo* info);

}  // namespace edgeplan::report
