#include "checks/network/media_port_range.h"

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& MediaPortRangeCheck::info() const {
    static const CheckInfo kInfo{
        "PORT-AV-02",
        "The Edge media port range stays at the default 50,000-59,999; a changed range is "
        "followed exactly by the A/V media firewall rules",
        "ports",
        CheckKind::offline,
        Severity::should,
        {"S1", "S2", "S3", "S4", "S5"},
        {cite("PORTRANGE")},
        "Keep MediaCommunicationPortStart 50000 and MediaCommunicationPortCount 10000 "
        "(Set-CsEdgeServer); where the range must differ, open the A/V media firewall rules for "
        "exactly that range"};
    return kInfo;
}

namespace {

// PORTRANGE: the range Lync Server 2013 installs and the firewall tables assume.
constexpr int kDefaultStart = 50000;
constexpr int kDefaultCount = 10000;

std::string range_text(int from, int to) { return std::to_string(from) + "-" + std::to_string(to); }

// The rows of table 2.2 that carry media over the range (X9..X12): the roles say so, not the
// ports, since the ports are what this check judges.
bool is_media_rule(const FirewallRule& rule) {
    return rule.role == FirewallRole::av_media_federation ||
           rule.role == FirewallRole::av_media_ocs2007;
}

std::string rule_text(const FirewallRule& rule) {
    return rule.row + " " + to_string(rule.transport) + " " + to_string(rule.direction) + " " +
           range_text(rule.port_from, rule.port_to);
}

}  // namespace

// Only a range an input states is judged: the model's 50000/10000 may be nothing but the
// default, and a deployment changed with Set-CsEdgeServer would then pass unseen.
std::vector<Finding> MediaPortRangeCheck::evaluate(const CheckContext& context) const {
    std::vector<Finding> findings;
    for (const EdgePool& pool : context.model.edge_pools) {
        const EdgePorts& p = pool.ports;
        const std::string subject = pool_subject(pool.id);
        if (!p.media_range_where) {
            findings.push_back(unknown_setting(
                info(), subject,
                "the Edge media port range is not stated (50000-59999 is only the default)",
                Setting::edge_media_ports, pool.where, pool_names(pool.id)));
            continue;
        }
        const int from = p.media_start;
        const int to = p.media_start + p.media_count - 1;
        const std::string configured = range_text(from, to);
        Evidence evidence{
            {"expected", range_text(kDefaultStart, kDefaultStart + kDefaultCount - 1)},
            {"observed", configured},
            {"source", p.media_range_where->to_string()}};
        int planned = 0;
        std::vector<std::string> astray;
        for (const FirewallRule& rule : context.plan.firewall) {
            if (rule.pool_id != pool.id || !is_media_rule(rule)) continue;
            ++planned;
            evidence.push_back({"row", rule.row});
            evidence.push_back({"transport", to_string(rule.transport)});
            evidence.push_back({"port", range_text(rule.port_from, rule.port_to)});
            if (rule.port_from != from || rule.port_to != to) astray.push_back(rule_text(rule));
        }
        const std::string rules =
            planned == 0 ? "no A/V media firewall rule is planned for this pool"
                         : std::to_string(planned) +
                               " planned A/V media firewall rule(s) open exactly this range";
        if (!astray.empty()) {
            for (const std::string& text : astray) evidence.push_back({"unexpected", text});
            Finding finding =
                make_finding(info(), Status::fail, subject,
                             "A/V media firewall rule(s) " + join(astray, "; ") +
                                 " do not cover exactly the configured media range " + configured,
                             *p.media_range_where, std::move(evidence));
            finding.remediation = "Open the A/V media firewall rules for exactly " + configured +
                                  ", the range Get-CsService -EdgeServer states";
            findings.push_back(std::move(finding));
        } else if (from != kDefaultStart || p.media_count != kDefaultCount) {
            findings.push_back(
                make_finding(info(), violation_status(info()), subject,
                             "media port range changed to " + configured +
                                 " (PORTRANGE: possible but strongly discouraged); " + rules,
                             *p.media_range_where, std::move(evidence)));
        } else {
            findings.push_back(
                make_finding(info(), Status::pass, subject,
                             "media port range is the default " + configured + "; " + rules,
                             *p.media_range_where, std::move(evidence)));
        }
    }
    return or_not_applicable(info(), std::move(findings), "the topology has no Edge pool");
}

}  // namespace edgeplan::checks
