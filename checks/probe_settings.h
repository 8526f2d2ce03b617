#pragma once
// How a live run (`edgeplan check`) was configured, as the probe checks need to know it: which
// sides the probes run from and which DNS servers answer for which view.
#include <string>
#include <vector>

namespace edgeplan::checks {

// --from: external probes the public/NAT/VIP addresses, internal the Edge internal interfaces,
// edge runs on an Edge host toward --responder (outbound rules).
enum class ProbeSide { external, internal, edge };
const char* to_string(ProbeSide side);

struct ProbeSettings {
    std::vector<ProbeSide> sides{ProbeSide::external};
    std::vector<std::string> external_dns_servers;  // "ADDR[:PORT]", --dns-server
    std::vector<std::string> internal_dns_servers;  // --internal-dns-server; empty = not asked
    std::string responder;                          // --responder ADDR (for --from edge)
    // --sample N: ports probed per outbound port range toward the responder, spread as
    // `edgeplan listen --sample` binds them (checks/responder_ports.h).
    int sample = 16;

    bool probes_from(ProbeSide side) const;
};

}  // namespace edgeplan::checks
