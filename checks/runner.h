#pragma once
// Runs a selection of checks over a context; an exception in one check becomes an `error`
// finding for that check instead of ending the run.
#include <string>
#include <vector>

#include "checks/check.h"

namespace edgeplan::checks {

// --only / --skip: each entry is a check ID or an area name.
struct Selection {
    std::vector<std::string> only;
    std::vector<std::string> skip;
    bool selects(const CheckInfo& info) const;
};

// Each selected check's findings as it produced them, in the order of `checks`.
using ProducedFindings = std::vector<std::vector<Finding>>;
ProducedFindings evaluate_checks(const std::vector<const Check*>& checks,
                                 const CheckContext& context, const Selection& selection = {});

// The findings in report order (finding_order, stable). Needs neither the model nor the plan, so
// a caller that holds the largest inputs can release the model before it (docs/performance.md).
std::vector<Finding> in_report_order(ProducedFindings produced);

// evaluate_checks, then in_report_order.
std::vector<Finding> run_checks(const std::vector<const Check*>& checks,
                                const CheckContext& context, const Selection& selection = {});

}  // namespace edgeplan::checks
