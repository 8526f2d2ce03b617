#pragma once
// The network half of `edgeplan partners`: every partner's DNS, TCP, TLS and XMPP probes, run in
// phases that each put all partners in flight together (bounded by `concurrency`): SRV or
// ProxyFqdn lookups, then A/AAAA of every target, then TCP to every address, then TLS (SIP,
// 5061) and STARTTLS (XMPP, 5269) on every open one. Probes go only to the names of the partner
// list and the addresses DNS gives for them. The result is the same Observations unit
// `--record` writes and `--replay` reads (replay backends reproduce the run offline).
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "checks/partners/partner_list.h"
#include "checks/probes/observation.h"
#include "checks/probes/port_prober.h"
#include "checks/probes/resolver.h"
#include "checks/probes/tls_prober.h"
#include "checks/probes/xmpp_prober.h"

namespace edgeplan::checks::partners {

inline constexpr std::uint16_t kSipFederationPort = 5061;
inline constexpr std::uint16_t kXmppServerPort = 5269;

struct PartnerProbeOptions {
    std::string dns_server;          // "ADDR[:PORT]": every lookup goes to this server
    std::size_t concurrency = 8192;  // XMPP sessions use at most kMaxSessionThreads of it
    std::string source_address;      // bind TCP probes here; empty = the kernel's choice
    std::function<void(const std::string& phase, std::size_t done, std::size_t total)> progress;
    // Start the SIP handshakes together with the TCP sweep (on every address, open or not) and
    // keep those of the open endpoints: a run then takes about one timeout for both phases, not
    // two. For live backends only: a replay holds no handshake for a closed endpoint.
    bool overlap_tls_with_tcp = false;
};

// XMPP sessions are blocking per connection (xmpp_prober.h); this many run at once. TLS goes to
// the prober as one batch (the live one, make_epoll_tls_prober, bounds it by `concurrency`);
// these threads serve only a TLS backend that throws for the batch (a replay missing one probe).
inline constexpr std::size_t kMaxSessionThreads = 128;

struct PartnerProbeBackends {
    probes::Resolver& resolver;
    probes::PortProber& ports;
    probes::TlsProber& tls;
    probes::XmppProber& xmpp;
};

// The DNS name a partner is looked up by first: "_sipfederationtls._tcp.<domain>" (SRV),
// "_xmpp-server._tcp.<domain>" (SRV) or the ProxyFqdn (A/AAAA).
std::string discovery_name(const PartnerEntry& partner);

// Backend failures (a replay without an observation, a resolver exception) are collected in
// `errors`; the partners they concern are judged `error`, never pass.
probes::Observations probe_partners(const PartnerList& list, const PartnerProbeOptions& options,
                                    PartnerProbeBackends& backends,
                                    std::vector<std::string>& errors);

}  // namespace edgeplan::checks::partners
