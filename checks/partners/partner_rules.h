#pragma once
// The judgement of `edgeplan partners`: FED-PARTNER-01..11, pure functions of the partner list
// and the observations (live or replayed), one finding per rule and subject, and one summary row
// per partner for the partner table (text, HTML, JSON). Subjects name the partner first
// (docs/subjects.md): "partner:<domain>", "partner:<domain>/xmpp", and for what was probed
// "partner:<domain>/dns:<target>", ".../tcp:ADDR:PORT", ".../tls:ADDR:PORT",
// ".../xmpp:ADDR:PORT". The rules are documented in docs/partners.md.
#include <optional>
#include <string>
#include <vector>

#include "checks/check.h"
#include "checks/partners/partner_list.h"
#include "checks/probes/observation.h"

namespace edgeplan::checks::partners {

// The rules' metadata, in ID order (for the report's catalogue and `docs/partners.md`).
const std::vector<CheckInfo>& partner_rule_catalogue();

struct JudgeSettings {
    Clock::time_point now;               // --now
    int expiry_warning_days = 30;        // --expiry-warning-days
    std::optional<std::string> ca_file;  // --ca-file; empty = the system store
    // Partners whose probes the tool could not run (backend errors): judged `error`.
    bool probes_incomplete = false;
};

// One line of the partner table.
struct PartnerRow {
    std::string domain;
    std::string protocol;                // sip | xmpp
    std::string kind;                    // on-premises | hosted | unknown | blocked
    std::string provider;                // hosted: which provider
    std::vector<std::string> targets;    // SRV targets or ProxyFqdn, "fqdn:port"
    std::vector<std::string> addresses;  // every address of every target
    std::string tls_version;             // lowest negotiated ("TLSv1.2"); empty when none
    std::string cert_not_after;          // earliest leaf expiry seen (ISO 8601); empty when none
    Status verdict = Status::pass;       // worst status of the partner's findings
    std::string problem;                 // the message of the first finding at that status
};

struct PartnerJudgement {
    std::vector<Finding> findings;  // sorted by (check ID, subject)
    std::vector<PartnerRow> rows;   // failing first, then by domain
};

PartnerJudgement judge_partners(const PartnerList& list, const probes::Observations& observations,
                                const JudgeSettings& settings);

// fail, error, warn, pass, skip: the order the partner table sorts verdicts in.
int verdict_rank(Status status);

}  // namespace edgeplan::checks::partners
