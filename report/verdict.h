#pragma once
// The one-line answer a report opens with (docs/report-format.md "Verdict"): FAIL, COULD NOT
// DECIDE, PASS WITH WARNINGS or PASS, from the findings that count for the exit code (those a
// --baseline or --waivers file accepted do not).
#include <string>

#include "report/report.h"

namespace edgeplan::report {

enum class VerdictKind { fail, could_not_decide, pass_with_warnings, pass };

struct Verdict {
    VerdictKind kind = VerdictKind::pass;
    Summary counted;   // the findings that count (accepted ones left out)
    int accepted = 0;  // known from the baseline or waived
};

Verdict verdict_of(const Report& report);
// "FAIL", "COULD NOT DECIDE", "PASS WITH WARNINGS", "PASS".
const char* to_string(VerdictKind kind);
// "fail", "undecided", "warn", "pass": a CSS class and filter word.
const char* css_name(VerdictKind kind);
// "9 fail, 0 error, 8 warn, 23 pass, 49 skip" (and ", 2 accepted" when any).
std::string verdict_counts(const Verdict& verdict);

}  // namespace edgeplan::report
