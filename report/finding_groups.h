#pragma once
// What a reviewer reads first (docs/report-format.md "Order and root causes"): findings in the
// order fail, error, warn, pass, skip, and problems that share one cause gathered under it, so
// one wrong address that fails nine rows reads as one problem with nine findings.
#include <cstddef>
#include <string>
#include <vector>

#include "report/report.h"

namespace edgeplan::report {

// 0 fail, 1 error, 2 warn, 3 pass, 4 skip: lower is more urgent.
int urgency(checks::Status status);

// A skip whose reason is not_applicable: the check had nothing to look at in this topology.
bool is_not_applicable(const checks::Finding& finding);

// Indexes into report.findings, most urgent status first, report order (check ID, subject)
// within a status.
std::vector<std::size_t> findings_by_urgency(const Report& report);

// Problems (fail, error, warn) joined when they share a cause:
// - the same subject (not the organisation-wide "topology") with several findings, or
// - the same check ID with the same status on several subjects (one rule failing across the
//   plan), or
// - the same address (evidence "ip") in several findings.
// Groups are these links' connected sets of two or more findings.
struct FindingGroup {
    std::string id;     // stable key: "subject:<subject>", "check:<ID>/<status>" or "ip:<address>"
    std::string cause;  // in words: what the findings share
    checks::Status status = checks::Status::fail;  // the worst status in the group
    std::vector<std::size_t> members;  // indexes into report.findings, by urgency then report order
};

// The groups, most urgent first (then by their first member in report order).
std::vector<FindingGroup> root_cause_groups(const Report& report);

// report.findings.size() entries: the index in `groups` of each finding's group, or -1.
std::vector<int> group_of_findings(const Report& report, const std::vector<FindingGroup>& groups);

}  // namespace edgeplan::report
