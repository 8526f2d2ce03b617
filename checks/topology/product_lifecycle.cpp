#include "checks/topology/product_lifecycle.h"

#include <chrono>
#include <cstdio>

#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

namespace {

// One Microsoft lifecycle page per release: the product page under learn.microsoft.com/lifecycle.
struct Release {
    const char* service_version;  // Service/@ServiceVersion of the topology (topology-format.md)
    const char* name;
    int year, month, day;  // extended end date, the last day of support
};

// Extended end dates from the lifecycle pages (Fixed Lifecycle Policy): Lync Server 2013 until
// 11 April 2023, Skype for Business Server 2015 and 2019 until 14 October 2025.
constexpr Release kReleases[] = {
    {"6", "Lync Server 2013", 2023, 4, 11},
    {"7", "Skype for Business Server 2015", 2025, 10, 14},
    {"8", "Skype for Business Server 2019", 2025, 10, 14},
};

// How an admin states the release by hand (docs/topology-format.md, "The --settings file").
constexpr const char* kServiceVersionSnippet = "<Settings serviceVersion=\"8\">";

std::string iso_date(const Release& r) {
    char text[11];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", r.year, r.month, r.day);
    return text;
}

}  // namespace

const CheckInfo& ProductLifecycleCheck::info() const {
    static const CheckInfo kInfo{
        "TOPO-14",
        "The server release the topology runs is still within Microsoft's support lifecycle",
        "topology",
        CheckKind::offline,
        Severity::should,
        {"S1", "S2", "S3", "S4", "S5"},
        {Citation{"LIFECYCLE-LS2013",
                  "https://learn.microsoft.com/lifecycle/products/microsoft-lync-server-2013"},
         Citation{"LIFECYCLE-SFB2015",
                  "https://learn.microsoft.com/lifecycle/products/skype-for-business-server-2015"},
         Citation{"LIFECYCLE-SFB2019",
                  "https://learn.microsoft.com/lifecycle/products/skype-for-business-server-2019"}},
        "Plan the upgrade to Skype for Business Server Subscription Edition, the release that "
        "follows Skype for Business Server 2015 and 2019"};
    return kInfo;
}

// Not a Lync 2013 catalogue page: the lifecycle pages of each release. Severity should (warn),
// not must: a release past its extended end date keeps running and federating, it only stops
// receiving security updates, so a planning tool flags it for the upgrade plan rather than
// failing the Edge design. Reads context.now only. The topology cannot tell Subscription Edition
// by a ServiceVersion edgeplan knows, so any other value is an unknown release: skip, never a
// guess.
std::vector<Finding> ProductLifecycleCheck::evaluate(const CheckContext& context) const {
    const Model& model = context.model;
    if (model.service_version.empty()) {
        Finding unknown = make_skip(
            info(), kTopologySubject, "unknown_input",
            "the topology states no ServiceVersion (an edgeplan-format topology, or a Lync XML "
            "without it): the release is unknown: plan the topology Get-CsTopology -AsXml "
            "writes (its Service elements carry ServiceVersion), or write " +
                std::string(kServiceVersionSnippet) + " in --settings",
            model.where);
        unknown.evidence.push_back({"cmdlet", "Get-CsTopology"});
        unknown.evidence.push_back({"settings_xml", kServiceVersionSnippet});
        return {unknown};
    }
    // The settings line when a --settings file stated the release, else the topology.
    const SourceLocation& where =
        model.service_version_where.file.empty() ? model.where : model.service_version_where;
    for (const Release& r : kReleases) {
        if (model.service_version != r.service_version) continue;
        const std::string end = iso_date(r);
        const Evidence evidence{
            {"observed", "ServiceVersion " + model.service_version + " (" + r.name + ")"},
            {"expected", "a release in support (" + std::string(r.name) +
                             " extended support ends " + end + ")"}};
        // Support ends at the end of the last day: from the next day 00:00 UTC it is over. (The
        // lifecycle pages state Pacific time; a day in UTC keeps --now dates simple.)
        const bool ended = context.now >= utc_date(r.year, r.month, r.day) + std::chrono::hours(24);
        if (ended) {
            return {make_finding(info(), Status::warn, kTopologySubject,
                                 std::string(r.name) + " is past the end of extended support (" +
                                     end + "): no more security updates",
                                 where, evidence)};
        }
        return {make_finding(info(), Status::pass, kTopologySubject,
                             std::string(r.name) + " is in support until " + end, where, evidence)};
    }
    return {make_skip(info(), kTopologySubject, "unknown_input",
                      "ServiceVersion " + model.service_version +
                          " is not a release edgeplan knows the lifecycle of",
                      where)};
}

}  // namespace edgeplan::checks
