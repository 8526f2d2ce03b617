#include "checks/dns_live/live_dns.h"
#include "topology/subjects.h"

#include <algorithm>
#include <cstring>

namespace edgeplan::checks::dns_live {
namespace {

const std::vector<std::string> no_servers;

std::string trim_dot(std::string name) {
    while (!name.empty() && name.back() == '.') name.pop_back();
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return name;
}

int rank(Status status) {
    switch (status) {
        case Status::pass:
            return 0;
        case Status::skip:
            return 1;
        case Status::warn:
            return 2;
        case Status::error:
            return 3;
        case Status::fail:
            return 4;
    }
    return 0;
}

}  // namespace

std::string subject(const std::string& name, DnsType type) {
    return subjects::dns_subject(name, probes::to_string(type));
}

DnsType to_dns_type(topology::DnsRecordType type) {
    switch (type) {
        case topology::DnsRecordType::a:
            return DnsType::A;
        case topology::DnsRecordType::aaaa:
            return DnsType::AAAA;
        case topology::DnsRecordType::srv:
            return DnsType::SRV;
        case topology::DnsRecordType::cname:
            return DnsType::CNAME;
    }
    return DnsType::A;
}

DnsView to_view(topology::DnsZoneKind kind) {
    return kind == topology::DnsZoneKind::internal ? DnsView::internal : DnsView::external;
}

const std::vector<std::string>& servers(const CheckContext& context, DnsView view) {
    if (!context.probe) return no_servers;
    return view == DnsView::internal ? context.probe->internal_dns_servers
                                     : context.probe->external_dns_servers;
}

std::optional<Finding> not_live(const CheckInfo& info, const CheckContext& context, DnsView view,
                                const std::string& subject_text) {
    if (!context.observations || !context.probe) {
        return make_skip(info, subject_text, "offline",
                         "live check: run `edgeplan check` to query DNS");
    }
    if (servers(context, view).empty()) {
        return make_skip(info, subject_text, "not_requested",
                         view == DnsView::internal
                             ? "no internal DNS server given (--internal-dns-server)"
                             : "no DNS server given (--dns-server) and none in resolv.conf");
    }
    return std::nullopt;
}

AnswerIndex::AnswerIndex(const CheckContext& context)
    : silent_servers_(context.silent_dns_servers) {
    if (!context.observations) return;
    for (const DnsAnswer& answer : context.observations->dns) {
        answers_.emplace(
            std::make_tuple(trim_dot(answer.query.name), answer.query.type, answer.query.server),
            &answer);
    }
}

const DnsAnswer* AnswerIndex::find(const std::string& name, DnsType type,
                                   const std::string& server) const {
    const auto it = answers_.find(std::make_tuple(trim_dot(name), type, server));
    return it == answers_.end() ? nullptr : it->second;
}

bool AnswerIndex::silent(const std::string& server) const {
    return silent_servers_ && silent_servers_->count(server) > 0;
}

std::vector<std::string> AnswerIndex::addresses(const std::string& name, const std::string& server,
                                                bool& resolved, std::string& why_not) const {
    std::vector<std::string> out;
    resolved = false;
    why_not.clear();
    for (DnsType type : {DnsType::A, DnsType::AAAA}) {
        const DnsAnswer* answer = find(name, type, server);
        if (!answer) {
            why_not += std::string(why_not.empty() ? "" : "; ") + probes::to_string(type) +
                       ": not queried";
            continue;
        }
        if (answer->outcome == DnsOutcome::ok && !answer->addresses.empty()) {
            resolved = true;
            out.insert(out.end(), answer->addresses.begin(), answer->addresses.end());
        } else {
            why_not += std::string(why_not.empty() ? "" : "; ") + probes::to_string(type) + ": " +
                       probes::to_string(answer->outcome);
        }
    }
    return out;
}

std::vector<SrvRecord> rfc2782_order(std::vector<SrvRecord> records) {
    std::stable_sort(records.begin(), records.end(), [](const SrvRecord& a, const SrvRecord& b) {
        if (a.priority != b.priority) return a.priority < b.priority;
        return a.weight > b.weight;
    });
    return records;
}

std::string srv_text(const SrvRecord& r) {
    return std::to_string(r.priority) + " " + std::to_string(r.weight) + " " +
           std::to_string(r.port) + " " + r.target;
}

std::string outcome_message(const DnsAnswer& answer) {
    const std::string what = answer.query.name + "/" + probes::to_string(answer.query.type);
    std::string text;
    switch (answer.outcome) {
        case DnsOutcome::ok:
            text = what + " answered";
            break;
        case DnsOutcome::nxdomain:
            text = what + ": the name does not exist (NXDOMAIN)";
            break;
        case DnsOutcome::nodata:
            text = what + ": the name exists but has no " + probes::to_string(answer.query.type) +
                   " record (NODATA)";
            break;
        case DnsOutcome::servfail:
            text = what + ": the server failed to answer (SERVFAIL)";
            break;
        case DnsOutcome::refused:
            text = what + ": the server refused the query (REFUSED)";
            break;
        case DnsOutcome::timeout:
            text = what + ": no answer before the timeout";
            break;
        case DnsOutcome::network_error:
            text = what + ": the server could not be reached";
            break;
        case DnsOutcome::malformed:
            text = what + ": the answer was malformed";
            break;
    }
    if (!answer.detail.empty()) text += " (" + answer.detail + ")";
    return text;
}

std::string srv_domain(const std::string& owner) {
    std::string rest = trim_dot(owner);
    while (!rest.empty() && rest.front() == '_') {
        const std::size_t dot = rest.find('.');
        if (dot == std::string::npos) return {};
        rest = rest.substr(dot + 1);
    }
    return rest;
}

bool in_domain(const std::string& host, const std::string& domain) {
    const std::string h = trim_dot(host);
    const std::string d = trim_dot(domain);
    if (d.empty()) return false;
    if (h == d) return true;
    return h.size() > d.size() && h.compare(h.size() - d.size(), d.size(), d) == 0 &&
           h[h.size() - d.size() - 1] == '.';
}

Finding combine(const CheckInfo& info, const std::string& subject_text,
                const topology::SourceLocation& where,
                const std::vector<std::pair<std::string, Verdict>>& per_server) {
    const Verdict* worst = nullptr;
    for (const auto& [server, verdict] : per_server) {
        if (!worst || rank(verdict.status) > rank(worst->status)) worst = &verdict;
    }
    if (!worst) return make_skip(info, subject_text, "not_requested", "no DNS server was asked");
    Evidence evidence;
    for (const auto& [server, verdict] : per_server) {
        if (per_server.size() > 1) evidence.emplace_back("server", server);
        evidence.insert(evidence.end(), verdict.evidence.begin(), verdict.evidence.end());
    }
    std::string message = worst->message;
    if (per_server.size() > 1) {
        for (const auto& [server, verdict] : per_server) {
            if (&verdict == worst) message += " (at " + server + ")";
        }
    }
    Finding finding = make_finding(info, worst->status, subject_text, message, where, evidence);
    if (worst->status == Status::skip) finding.skip_reason = "no_answer";
    return finding;
}

std::optional<Verdict> unusable_answer(const CheckInfo& info, const AnswerIndex& index,
                                       const DnsAnswer* answer, const std::string& name,
                                       DnsType type) {
    if (!answer) {
        return Verdict{Status::error,
                       "no observation for " + name + "/" + probes::to_string(type) +
                           " (the query was not run)",
                       {{"fqdn", name}}};
    }
    if (answer->outcome == DnsOutcome::ok) return std::nullopt;
    const bool unanswered =
        answer->outcome == DnsOutcome::timeout || answer->outcome == DnsOutcome::network_error;
    if (unanswered && index.silent(answer->query.server)) {
        return Verdict{Status::error,
                       "DNS server " + answer->query.server +
                           " answered no query in this run, so this record could not be seen (" +
                           outcome_message(*answer) + ")",
                       {{"fqdn", name},
                        {"server", answer->query.server},
                        {"observed", probes::to_string(answer->outcome)}}};
    }
    // NXDOMAIN, NODATA, SERVFAIL, REFUSED and timeouts are evidence, never a pass.
    return Verdict{violation_status(info),
                   outcome_message(*answer),
                   {{"fqdn", name}, {"observed", probes::to_string(answer->outcome)}}};
}

void request_sets(const std::vector<ExpectedSet>& sets, probes::ProbeRequests& requests) {
    for (const ExpectedSet& set : sets) {
        probes::DnsLookup lookup{set.name, set.type, set.view, false};
        if (std::find(requests.dns.begin(), requests.dns.end(), lookup) == requests.dns.end()) {
            requests.dns.push_back(lookup);
        }
    }
}

}  // namespace edgeplan::checks::dns_live
