#pragma once
// Where a citation can be read (docs/sources.md): the learn.microsoft.com page of a cited Lync
// Server 2013 file name (docs/sources.tsv, embedded at configure time), the RFC Editor page of an
// RFC, or the address a citation states itself. Every renderer links through here.
#include <string>

#include "checks/check.h"

namespace edgeplan::report {

// docs/sources.tsv as it was when the build was configured (sources_tsv.cpp.in).
extern const char* const sources_tsv;

// The URL for a cited file name in docs/sources.tsv; empty when the file is not listed.
std::string source_url(const std::string& file_name);

// The URL a reader follows for `citation`; empty when there is none (a project document such as
// docs/waivers.md, or a standard without a public page).
std::string citation_url(const checks::Citation& citation);

// The text to show for a citation: its page (the file name, the fallback link text), else its key.
std::string citation_label(const checks::Citation& citation);

}  // namespace edgeplan::report
