#pragma once
// Runs what the selected probe checks request (STYLE.md: checks declare requests, evaluate
// observations). First the admit step (probe_admission.h): targets come only from the plan (or
// --target): an address learned from DNS is evidence for a finding, never a target. Then one
// lane per kind of work, side by side:
// - DNS, on the calling thread, in two rounds (names from the plan and partner SRVs, then
//   A/AAAA of the SRV targets learned);
// - the TCP sweep and the UDP (STUN) probes, which need plan addresses only;
// - the TLS / XMPP chain: TCP connect, then (where open) the TLS / XMPP probes on a pool of
//   workers bounded by --concurrency, each probe doing its own TLS -> SIP OPTIONS;
// - token echo toward --responder (--from edge).
// Lanes run on joining threads: whatever throws, every thread is joined before run_probes
// returns or throws.
#include <cstddef>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "checks/check.h"
#include "checks/probe_admission.h"
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
    // If it throws, run_probes stops and rethrows (see run_probes).
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

// Backend failures (a replay without an entry, a prober that throws) cost only their own
// requests and are listed in backend_errors. Any other exception - a throwing progress
// callback, std::bad_alloc - stops the run: it is rethrown here once every lane has joined.
ProbeRunResult run_probes(const probes::ProbeRequests& requests, const topology::Plan& plan,
                          const ProbeSettings& settings, const ProbeRunOptions& options,
                          ProbeBackends& backends);

}  // namespace edgeplan::checks
