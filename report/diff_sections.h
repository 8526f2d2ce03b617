#pragma once
// The rows of a diff, computed once for every diff format (text, Markdown, HTML): each format
// only lays the same sections out (docs/diff-format.md).
#include <string>
#include <vector>

#include "report/plan_diff.h"

namespace edgeplan::report {

struct DiffSection {
    std::string title;  // "DNS records", "Firewall rules", "Certificates", "Offline findings"
    std::vector<std::string> headers;
    // First cell: the change (+ added, - removed, ~ changed; new or resolved for findings).
    std::vector<std::vector<std::string>> rows;
    std::string empty_note;  // shown instead of the table (and its header) when rows is empty
    std::string footer;      // a line after the table, or empty
};

std::vector<DiffSection> diff_sections(const Diff& diff);

// "N plan change(s); M new finding(s) (F fail, W warn), R resolved".
std::string diff_summary(const Diff& diff);

// New findings of `status`.
int count_new(const Diff& diff, checks::Status status);

}  // namespace edgeplan::report
