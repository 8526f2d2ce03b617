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

std::vector<Finding> run_checks(const std::vector<const Check*>& checks,
                                const CheckContext& context, const Selection& selection = {});

}  // namespace edgeplan::checks
