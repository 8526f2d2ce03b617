#pragma once
// The admit step of a probe run (probe_runner.h): before any socket opens, every request is
// canonicalised (inet_ntop text) and kept only when its address is one the plan names, or one
// the user added with --target / --responder. Written once for every request kind, pure (no
// I/O, no threads), so "a request outside the plan is never probed" is one function to read
// and to test.
#include <set>
#include <string>
#include <vector>

#include "checks/probes/probe_requests.h"
#include "topology/plan.h"

namespace edgeplan::checks {

// Every address the plan names: DNS record values and firewall endpoints/probe addresses.
std::set<std::string> plan_addresses(const topology::Plan& plan);

// The source address a TCP probe of `target` binds to: --source-address when given (and of
// the same family), else for a 127.x target 127.0.0.1, or 127.0.0.2 when the target is
// 127.0.0.1 (a loopback probe must not connect to itself); else none.
std::string source_address_for(const std::string& target, const std::string& option);

struct Admission {
    // The requests that may run: canonical addresses, de-duplicated, first-seen order; TCP
    // probes carry their source address. DNS lookups name no target and pass unchanged.
    probes::ProbeRequests admitted;
    // The refused requests as endpoint subjects (docs/subjects.md), in request order:
    // tcp:, udp:, tls:, xmpp:, then echo: ("echo:" because the responder's transport is not
    // what made it a target).
    std::vector<std::string> refused;
};

// `allowed` holds canonical addresses (plan_addresses plus the user's extra targets);
// `source_address` is --source-address, canonical or empty.
Admission admit_requests(const probes::ProbeRequests& requests,
                         const std::set<std::string>& allowed, const std::string& source_address);

}  // namespace edgeplan::checks
