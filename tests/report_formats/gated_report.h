#pragma once
// A report after the gate (app/gate.h) with one failing finding per way --baseline and --waivers
// can judge it, for the JUnit and SARIF gate tests.
#include <chrono>
#include <string>
#include <vector>

#include "../report/sample_report.h"
#include "app/clock.h"
#include "app/gate.h"

namespace edgeplan::report::testing {

// Subjects of the findings gated_report() holds, one check ID each.
constexpr const char* kKnown = "A-01";    // failed in the baseline too
constexpr const char* kNew = "B-01";      // not in the baseline
constexpr const char* kWaived = "C-01";   // an active waiver covers it
constexpr const char* kExpired = "D-01";  // its waiver expired before --now
constexpr const char* kWorse = "E-01";    // failed in the baseline, now only warns
constexpr const char* kNow = "2026-06-01";

inline checks::Waiver gated_waiver(const std::string& id, const std::string& reason,
                                   const std::string& expires) {
    checks::Waiver w{id, "pool:edgepool", reason, expires, {}, {}};
    w.expires_at = *app::parse_iso_date(expires) + std::chrono::hours(24);
    return w;
}

// with_baseline / with_waivers: which of the two inputs the run was given.
inline Report gated_report(bool with_baseline, bool with_waivers) {
    using checks::Status;
    Report r;
    r.tool_version = "0.1.0";
    r.command = "check";
    r.now = kNow;
    for (const char* id : {kKnown, kNew, kWaived, kExpired, kWorse}) {
        const Status status = std::string(id) == kWorse ? Status::warn : Status::fail;
        r.findings.push_back(sample_finding(id, status, "pool:edgepool",
                                            "finding of " + std::string(id), {},
                                            {"topology.xml", 3, 1}));
        r.catalogue[id] = sample_info(id, checks::Severity::must, "Fix " + std::string(id) + ".");
    }
    app::Baseline baseline;
    baseline.statuses[{kKnown, "pool:edgepool"}] = Status::fail;
    baseline.statuses[{kWorse, "pool:edgepool"}] = Status::fail;
    baseline.statuses[{kNew, "pool:other"}] = Status::fail;  // another subject: not this one
    const std::vector<checks::Waiver> waivers{
        gated_waiver(kWaived, "accepted by CAB-1234", "2026-12-31"),
        gated_waiver(kExpired, "accepted by CAB-1000", "2026-01-31")};
    app::apply_gate(r, with_baseline ? &baseline : nullptr, with_waivers ? &waivers : nullptr,
                    *app::parse_iso_date(kNow));
    return r;
}

}  // namespace edgeplan::report::testing
