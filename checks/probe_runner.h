#pragma once
// Runs what the selected probe checks request (STYLE.md: checks declare requests, evaluate
// observations). Targets come only from the plan (or --target): an address learned from DNS
// is evidence for a finding, never a target. DNS runs in two rounds (names from the plan and
// partner SRVs, then A/AAAA of the SRV targets learned) while the TCP and UDP probes, which
// need plan addresses only, run at the same time on their own threads. TLS and XMPP endpoints
// form a third chain beside them: TCP connect, then (where open) the TLS / XMPP probes on a
// pool of workers bounded by --concurrency, each probe doing its own TLS -> SIP OPTIONS.
#include <cstddef>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "checks/check.h"
#include "checks/probe_settings.h"
#include "checks/probes/observation.h"
#include "checks/probes/port_prober.h"
#include "checks/probes/probe_requests.h"
#include "checks/probes/resolver.h"
#include "checks/probes/stun_prober.h"
#include "checks/probes/tls_prober.h"
#include "checks/probes/token_echo_prober.h"
#include "checks/probes/xmpp_prober.h"
#include "checks/runner.h"

namespace edgeplan::checks {

struct ProbeBackends {
    probes::Resolver& resolver;
    probes::PortProber& ports;
    probes::StunProber& stun;
    // Null: TLS / XMPP requests are not run (their checks report the missing observation).
    probes::TlsProber* tls = nullptr;
    probes::XmppProber* xmpp = nullptr;
    // Token echo toward --responder (--from edge); null: those requests end as `error` results.
    probes::TokenEchoProber* token_echo = nullptr;
};

// How far a run is: operations finished of all planned, and a target being probed now
// ("dns:sip.contoso.com/A", "tcp:192.0.2.1:5061", "udp:192.0.2.1:3478").
struct ProbeProgress {
    std::size_t done = 0;
    std::size_t total = 0;
    std::string current;
};

struct ProbeRunOptions {
    std::vector<std::string> extra_targets;  // --target (and --responder): allowed besides the plan
    std::string source_address;              // --source-address; empty = choose for loopback
    // Called (from the probing threads, one call at a time) as work finishes; none by default.
    // When set, batches are handed to the backends in chunks of progress_chunk so the count
    // moves; each chunk costs up to one timeout, which is why it is off unless asked for.
    std::function<void(const ProbeProgress&)> progress;
    std::size_t progress_chunk = 16;
    std::size_t concurrency = 64;  // --concurrency: TLS / XMPP probes in flight
};

struct ProbeRunResult {
    probes::Observations observations;
    std::vector<std::string> refused;         // requests whose target is not in the plan
    std::vector<std::string> backend_errors;  // a backend threw (e.g. a replay lacks an entry)
};

// The requests of every selected check, de-duplicated, in first-seen order.
probes::ProbeRequests collect_requests(const std::vector<const Check*>& checks,
                                       const CheckContext& context, const Selection& selection);

// Every address the plan names: DNS record values and firewall endpoints/probe addresses.
std::set<std::string> plan_addresses(const topology::Plan& plan);

// The source address a TCP probe of `target` binds to: --source-address when given (and of
// the same family), else for a 127.x target 127.0.0.1, or 127.0.0.2 when the target is
// 127.0.0.1 (a loopback probe must not connect to itself); else none.
std::string source_address_for(const std::string& target, const std::string& option);

ProbeRunResult run_probes(const probes::ProbeRequests& requests, const topology::Plan& plan,
                          const ProbeSettings& settings, const ProbeRunOptions& options,
                          ProbeBackends& backends);

}  // namespace edgeplan::checks
