#include "checks/runner.h"

#include <algorithm>
#include <exception>
#include <utility>

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

ProducedFindings evaluate_checks(const std::vector<const Check*>& checks,
                                 const CheckContext& context, const Selection& selection) {
    ProducedFindings produced;
    for (const Check* check : checks) {
        const CheckInfo& info = check->info();
        if (!selection.selects(info)) continue;
        std::vector<Finding> findings;
        try {
            findings = check->evaluate(context);
        } catch (const std::exception& e) {
            findings.push_back(make_finding(info, Status::error, "check:" + info.id,
                                            std::string("check failed to run: ") + e.what(), {}));
        }
        findings.shrink_to_fit();
        produced.push_back(std::move(findings));
    }
    return produced;
}

std::vector<Finding> in_report_order(ProducedFindings produced) {
    // Each check's findings are kept apart, shrunk to their size, and moved once into a vector of
    // exactly the total in report order, each check's vector freed as soon as it is moved out:
    // appending them to one growing vector and sorting it in place held the findings up to twice
    // (the growth's spare capacity and copy, then the sort's buffer), about 150 MB at the 16 MiB
    // input limit (docs/performance.md, "Input limits"). The reserved vector is touched only as it
    // fills, so the memory in use stays close to one copy.
    // (check, position) of every finding, in production order, then stably sorted.
    std::vector<std::pair<std::size_t, std::size_t>> order;
    std::vector<std::size_t> left;  // findings of each check not moved yet
    for (std::size_t c = 0; c < produced.size(); ++c) {
        for (std::size_t i = 0; i < produced[c].size(); ++i) order.emplace_back(c, i);
        left.push_back(produced[c].size());
    }
    std::stable_sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
        return finding_order(produced[a.first][a.second], produced[b.first][b.second]);
    });
    std::vector<Finding> findings;
    findings.reserve(order.size());
    for (const auto& [c, i] : order) {
        findings.push_back(std::move(produced[c][i]));
        if (--left[c] == 0) std::vector<Finding>().swap(produced[c]);
    }
    return findings;
}

std::vector<Finding> run_checks(const std::vector<const Check*>& checks,
                                const CheckContext& context, const Selection& selection) {
    return in_report_order(evaluate_checks(checks, context, selection));
}

}  // namespace edgeplan::checks
