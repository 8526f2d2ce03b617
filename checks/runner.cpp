#include "checks/runner.h"

#include <algorithm>
#include <exception>

namespace edgeplan::checks {
namespace {

bool matches(const std::vector<std::string>& patterns, const CheckInfo& info) {
    return std::any_of(patterns.begin(), patterns.end(), [&](const std::string& p) {
        return p == info.id || p == info.area || p == to_string(info.kind);
    });
}

}  // namespace

bool Selection::selects(const CheckInfo& info) const {
    if (!only.empty() && !matches(only, info)) return false;
    return !matches(skip, info);
}

std::vector<Finding> run_checks(const std::vector<const Check*>& checks,
                                const CheckContext& context, const Selection& selection) {
    std::vector<Finding> findings;
    for (const Check* check : checks) {
        const CheckInfo& info = check->info();
        if (!selection.selects(info)) continue;
        try {
            std::vector<Finding> produced = check->evaluate(context);
            findings.insert(findings.end(), std::make_move_iterator(produced.begin()),
                            std::make_move_iterator(produced.end()));
        } catch (const std::exception& e) {
            findings.push_back(make_finding(info, Status::error, "check:" + info.id,
                                            std::string("check failed to run: ") + e.what(), {}));
        }
    }
    std::stable_sort(findings.begin(), findings.end(), finding_order);
    // Appending each check's findings leaves up to half the capacity unused; at 100,000
    // findings that is tens of megabytes held for the rest of the run (docs/performance.md).
    findings.shrink_to_fit();
    return findings;
}

}  // namespace edgeplan::checks
