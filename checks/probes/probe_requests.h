#pragma once
// What probe checks ask the network, before any server or source address is chosen. Checks
// derive requests from the plan only (Check::request); checks/probe_runner.cpp de-duplicates
// them, refuses targets outside the plan, picks the DNS servers and runs them.
#include <string>
#include <vector>

#include "checks/probes/observation.h"

namespace edgeplan::checks::probes {

// Which DNS view answers a lookup: the external (public) servers, or the internal/perimeter
// servers that hold the internal zone (DNS-INT-*, DNS-LB-02; catalogue DNS-SPLIT-01).
enum class DnsView { external, internal };
const char* to_string(DnsView view);

struct DnsLookup {
    std::string name;  // lower case, no trailing dot
    DnsType type = DnsType::A;
    DnsView view = DnsView::external;
    // SRV only: round 2 asks the same server for A and AAAA of every target the answer names,
    // so checks can tell whether the target resolves. The addresses learned are evidence only;
    // nothing learned from DNS is ever probed.
    bool follow_srv_targets = false;
    bool operator==(const DnsLookup& other) const;
};

struct ProbeRequests {
    std::vector<DnsLookup> dns;
    std::vector<TcpProbe> tcp;  // source_address is chosen by the runner (--source-address)
    std::vector<UdpStunProbe> stun;
    // Run after the TCP probe of the same address:port says open (probe_runner.cpp); the
    // requesting check also asks for that TCP probe.
    std::vector<TlsProbe> tls;
    std::vector<XmppProbe> xmpp;
    // --from edge: token echo toward --responder (docs/responder.md), TCP and UDP.
    std::vector<EchoTarget> token_echo;
};

}  // namespace edgeplan::checks::probes
