#pragma once
// The inverse of to_json (report/renderers.h): a saved JSON report (docs/schema/report.schema.json,
// schema_version 1.1 or a later 1.x) back into the Report it was rendered from, so that
// `edgeplan render` gives the bytes the run would have given in any format. Every field a
// renderer reads is in the document; nothing is guessed or defaulted.
#include <stdexcept>
#include <string>

#include "report/report.h"

namespace edgeplan::report {

// A document that is not a complete report. The message starts with the path, then
// "line:column" for a syntax error or the JSON location ("findings[3].status") for a field.
class ReportReadError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

Report report_from_json_text(const std::string& text, const std::string& path);

}  // namespace edgeplan::report
