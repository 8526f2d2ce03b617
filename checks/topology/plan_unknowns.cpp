#include "checks/topology/plan_unknowns.h"

#include <set>

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& PlanUnknownsCheck::info() const {
    static const CheckInfo kInfo{
        "TOPO-13",
        "The inputs state every fact the plan needs (no plan entry rests on an unknown)",
        "topology",
        CheckKind::offline,
        Severity::should,
        {"S1", "S2", "S3", "S4", "S5"},
        {cite("DEFTOPO"), cite("DATACOL")},
        "Add the missing fact to the topology or to the --settings file (see the finding for "
        "which fact and which rule needs it)"};
    return kInfo;
}

// Not a catalogue row: the plan never guesses (model.h); each fact it could not derive is a
// warning here so the administrator sees what the plan is missing and why (DATACOL lists the
// data to collect, DEFTOPO the Topology Builder fields).
std::vector<Finding> PlanUnknownsCheck::evaluate(const CheckContext& context) const {
    const Plan& plan = context.plan;
    if (plan.unknowns.empty()) {
        return {make_finding(info(), Status::pass, kTopologySubject,
                             "every fact the plan needs is stated", context.model.where)};
    }
    std::vector<Finding> findings;
    std::set<std::string> used;
    for (const Unknown& unknown : plan.unknowns) {
        // Subject: unknown:<rule>:<element subject>; numbered when one element lacks two facts
        // for the same rule, so (check, subject) stays unique.
        const std::string base = "unknown:" + unknown.rule + ":" + unknown.subject;
        std::string subject = base;
        for (int n = 2; !used.insert(subject).second; ++n) subject = base + "#" + std::to_string(n);
        findings.push_back(
            make_finding(info(), Status::warn, subject,
                         "missing: " + unknown.what + " (needed by " + unknown.rule + ")",
                         unknown.where, {{"expected", unknown.what}}));
    }
    return findings;
}

}  // namespace edgeplan::checks
