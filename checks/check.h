#pragma once
// The shape every check follows (STYLE.md "One check, end to end"): metadata, and a pure
// evaluation of plan + model (+ observations, for probe checks) into findings. A check never
// opens a socket, reads globals or formats text for a terminal.
#include <chrono>
#include <set>
#include <string>
#include <vector>

#include "checks/finding.h"
#include "checks/utc_clock.h"
#include "topology/model.h"
#include "topology/plan.h"

namespace edgeplan::checks {

namespace probes {
struct Observations;   // checks/probes/observation.h
struct ProbeRequests;  // checks/probes/probe_requests.h
}  // namespace probes
struct ProbeSettings;        // checks/probe_settings.h
struct Waiver;               // checks/waiver.h
struct ProbeSettings;        // checks/probe_settings.h
struct CertificateSettings;  // checks/certificate_settings.h

enum class Severity { must, should, info };  // default status: fail, warn, pass-with-info
const char* to_string(Severity severity);

const char* to_string(CheckKind kind);  // CheckKind: checks/finding.h

struct Citation {
    std::string key;   // source key of ../shared/reference/lync-rules.md (CR-EXT, DS-S1, ...)
    std::string page;  // the page: a Lync/LyncServer/*.md file name, an RFC, a vendor notice
};

struct CheckInfo {
    std::string id;     // catalogue ID (DNS-SRV-FED-01) or an unused ID of the same grammar
    std::string title;  // the requirement, as a sentence
    std::string area;   // certificates, dns, ports, federation, xmpp, pic, push, topology, ...
    CheckKind kind = CheckKind::offline;
    Severity severity = Severity::must;
    std::vector<std::string> scenarios;  // S1..S5, FED, XMPP, PIC-AOL, ...
    std::vector<Citation> citations;     // at least one
    std::string remediation;             // one line: how to fix a failure
};

// The fix to show beside `finding`: its own, else the check's.
inline const std::string& remediation_of(const Finding& finding, const CheckInfo& info) {
    return finding.remediation.empty() ? info.remediation : finding.remediation.str();
}

using Clock = UtcClock;

struct CheckContext {
    const topology::Model& model;
    const topology::Plan& plan;
    Clock::time_point now;  // the one clock date-dependent rules read (--now sets it)
    // Live runs (`edgeplan check`) only: what the probes observed and how they were configured
    // (which sides, which DNS servers). Null for offline runs; probe checks then skip.
    const probes::Observations* observations = nullptr;
    const ProbeSettings* probe = nullptr;
    // DNS servers that answered no query at all in this run (probes::silent_dns_servers): their
    // timeouts say the tool could not see DNS, not that a record is wrong. Null: none known.
    const std::set<std::string>* silent_dns_servers = nullptr;
    // `--waivers FILE` (docs/waivers.md), for WAIVER-01; null when none was given.
    const std::vector<Waiver>* waivers = nullptr;
    // Trust anchors, expiry warning and the certificate files read for this run (plan and
    // check). Null: certificate files are not evaluated and live chains use the defaults.
    const CertificateSettings* certificates = nullptr;
};

class Check {
  public:
    virtual ~Check() = default;
    virtual const CheckInfo& info() const = 0;
    virtual std::vector<Finding> evaluate(const CheckContext& context) const = 0;
    // Probe checks declare what they need observed (derived from the plan only); the probe
    // runner runs it and evaluate() then reads context.observations. Offline checks ask nothing.
    virtual void request(const CheckContext& context, probes::ProbeRequests& requests) const {
        (void)context;
        (void)requests;
    }
};

// Helpers so checks build findings the same way.
Finding make_finding(const CheckInfo& info, Status status, std::string subject, std::string message,
                     topology::SourceLocation where, Evidence evidence = {});
Finding make_skip(const CheckInfo& info, std::string subject, std::string reason,
                  std::string message, topology::SourceLocation where = {});
// The status a violation of this check gets by default: must -> fail, should -> warn.
Status violation_status(const CheckInfo& info);

}  // namespace edgeplan::checks
