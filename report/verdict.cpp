#include "report/verdict.h"

namespace edgeplan::report {

Verdict verdict_of(const Report& report) {
    Verdict v;
    for (const checks::Finding& f : report.findings) {
        if (report.acceptance_for(f) != nullptr) {
            ++v.accepted;
            continue;
        }
        switch (f.status) {
            case checks::Status::pass:
                ++v.counted.pass;
                break;
            case checks::Status::warn:
                ++v.counted.warn;
                break;
            case checks::Status::fail:
                ++v.counted.fail;
                break;
            case checks::Status::skip:
                ++v.counted.skip;
                break;
            case checks::Status::error:
                ++v.counted.error;
                break;
        }
    }
    // The exit code's precedence (docs/exit-codes.md): a failure outranks "could not decide".
    if (v.counted.fail > 0) {
        v.kind = VerdictKind::fail;
    } else if (v.counted.error > 0) {
        v.kind = VerdictKind::could_not_decide;
    } else if (v.counted.warn > 0) {
        v.kind = VerdictKind::pass_with_warnings;
    } else {
        v.kind = VerdictKind::pass;
    }
    return v;
}

const char* to_string(VerdictKind kind) {
    switch (kind) {
        case VerdictKind::fail:
            return "FAIL";
        case VerdictKind::could_not_decide:
            return "COULD NOT DECIDE";
        case VerdictKind::pass_with_warnings:
            return "PASS WITH WARNINGS";
        case VerdictKind::pass:
            return "PASS";
    }
    return "";
}

const char* css_name(VerdictKind kind) {
    switch (kind) {
        case VerdictKind::fail:
            return "fail";
        case VerdictKind::could_not_decide:
            return "undecided";
        case VerdictKind::pass_with_warnings:
            return "warn";
        case VerdictKind::pass:
            return "pass";
    }
    return "";
}

std::string verdict_counts(const Verdict& v) {
    const Summary& s = v.counted;
    std::string out = std::to_string(s.fail) + " fail, " + std::to_string(s.error) + " error, " +
                      std::to_string(s.warn) + " warn, " + std::to_string(s.pass) + " pass, " +
                      std::to_string(s.skip) + " skip";
    if (v.accepted > 0) out += ", " + std::to_string(v.accepted) + " accepted";
    return out;
}

}  // namespace edgeplan::report
