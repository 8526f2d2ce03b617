#pragma once
// Shared by the live DNS checks (checks/dns_live/): finding answers in the observations, RFC
// 2782 ordering, outcome wording, and one finding per subject over several DNS servers.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "checks/check.h"
#include "checks/probe_settings.h"
#include "checks/probes/observation.h"
#include "checks/probes/probe_requests.h"

namespace edgeplan::checks::dns_live {

using probes::DnsAnswer;
using probes::DnsOutcome;
using probes::DnsType;
using probes::DnsView;
using probes::SrvRecord;

// "dns:<name>/<TYPE>" (docs/subjects.md).
std::string subject(const std::string& name, DnsType type);
DnsType to_dns_type(topology::DnsRecordType type);
DnsView to_view(topology::DnsZoneKind kind);

// The DNS servers a view was asked (empty when the run did not configure that view).
const std::vector<std::string>& servers(const CheckContext& context, DnsView view);

// A skip finding when the run has no observations (offline) or no server for `view`.
std::optional<Finding> not_live(const CheckInfo& info, const CheckContext& context, DnsView view,
                                const std::string& subject_text);

// Answers by (name, type, server), built once per evaluation (partner lists can be long).
class AnswerIndex {
  public:
    explicit AnswerIndex(const CheckContext& context);
    const DnsAnswer* find(const std::string& name, DnsType type, const std::string& server) const;
    // Addresses of the A and AAAA answers for `name` at `server`; `resolved` tells whether any
    // of the two answered ok with an address.
    std::vector<std::string> addresses(const std::string& name, const std::string& server,
                                       bool& resolved, std::string& why_not) const;
    // Whether `server` answered no query at all in this run (CheckContext::silent_dns_servers).
    bool silent(const std::string& server) const;

  private:
    std::map<std::tuple<std::string, DnsType, std::string>, const DnsAnswer*> answers_;
    const std::set<std::string>* silent_servers_ = nullptr;
};

// RFC 2782 / DNS-SRV-GEN-02: lowest priority first, then highest weight; ties keep the order
// received (the Access Edge takes the first record it got).
std::vector<SrvRecord> rfc2782_order(std::vector<SrvRecord> records);
std::string srv_text(const SrvRecord& record);  // "0 0 443 sip.contoso.com"

// One line on an answer that is not `ok`: NXDOMAIN, NODATA, SERVFAIL, REFUSED, timeout, ...
std::string outcome_message(const DnsAnswer& answer);

// Domain of an SRV owner name: the name without its leading `_service._proto` labels.
std::string srv_domain(const std::string& owner);
bool in_domain(const std::string& host, const std::string& domain);

// What one server's answer showed for a subject.
struct Verdict {
    Status status = Status::pass;
    std::string message;
    Evidence evidence;
};

// One finding for a subject from the verdicts of every server asked: the worst status wins;
// with several servers the evidence of each is prefixed by `server`.
Finding combine(const CheckInfo& info, const std::string& subject_text,
                const topology::SourceLocation& where,
                const std::vector<std::pair<std::string, Verdict>>& per_server);

// The verdict for an answer that is missing (tool failure), a timeout from a server that
// answered nothing in the run (tool failure: DNS could not be seen) or not ok (evidence for a
// violation); nullopt when the answer is ok and the caller goes on comparing.
std::optional<Verdict> unusable_answer(const CheckInfo& info, const AnswerIndex& index,
                                       const DnsAnswer* answer, const std::string& name,
                                       DnsType type);

// Expected A/AAAA sets of the plan grouped by (name, type), in plan order.
struct ExpectedSet {
    std::string name;
    DnsType type = DnsType::A;
    DnsView view = DnsView::external;
    std::vector<std::string> addresses;
    std::string pool_id;
    topology::SourceLocation where;
};
template <typename Predicate>
std::vector<ExpectedSet> expected_sets(const topology::Plan& plan, Predicate selects);

// Adds an A/AAAA lookup per expected set.
void request_sets(const std::vector<ExpectedSet>& sets, probes::ProbeRequests& requests);

}  // namespace edgeplan::checks::dns_live

#include "checks/dns_live/live_dns_inl.h"
