#pragma once
// From a partner and what DNS answered to the hosts and ports to probe: shared by the probe
// phases (partner_probes.cpp) and the judgement (partner_rules.cpp), so both read the same
// observations the same way, live or replayed.
#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "checks/partners/partner_list.h"
#include "checks/probes/observation.h"

namespace edgeplan::checks::partners {

// Observations looked up by what was asked.
class ObservationIndex {
  public:
    explicit ObservationIndex(const probes::Observations& observations);
    const probes::DnsAnswer* dns(const std::string& name, probes::DnsType type) const;
    const probes::TcpObservation* tcp(const std::string& address, std::uint16_t port) const;
    // The plain handshake (legacy = false) or the TLS 1.0/1.1-only retry (legacy = true).
    const probes::TlsObservation* tls(const std::string& address, std::uint16_t port,
                                      const std::string& sni, bool legacy) const;
    const probes::XmppObservation* xmpp(const std::string& address, std::uint16_t port,
                                        const std::string& domain) const;

  private:
    std::map<std::pair<std::string, int>, const probes::DnsAnswer*> dns_;
    std::map<std::pair<std::string, std::uint16_t>, const probes::TcpObservation*> tcp_;
    std::map<std::tuple<std::string, std::uint16_t, std::string, bool>,
             const probes::TlsObservation*>
        tls_;
    std::map<std::tuple<std::string, std::uint16_t, std::string>, const probes::XmppObservation*>
        xmpp_;
};

struct PartnerTarget {
    std::string fqdn;  // SRV target, ProxyFqdn, or the XMPP domain itself (no SRV: RFC 6120)
    std::uint16_t port = 0;
};

// How the partner was found. `asked` is false while the discovery lookup has no answer yet.
struct PartnerDiscovery {
    bool asked = false;
    const probes::DnsAnswer* answer = nullptr;  // SRV (or A of the ProxyFqdn)
    bool by_proxy_fqdn = false;
    bool srv_missing = false;  // the SRV name has no record (NXDOMAIN / NODATA)
    std::vector<PartnerTarget> targets;
};

PartnerDiscovery discover(const PartnerEntry& partner, const ObservationIndex& index);

// The A and AAAA answers of a target (null when not asked), and their addresses in order.
struct TargetAddresses {
    const probes::DnsAnswer* a = nullptr;
    const probes::DnsAnswer* aaaa = nullptr;
    std::vector<std::string> addresses;
};
TargetAddresses addresses_of(const std::string& fqdn, const ObservationIndex& index);

}  // namespace edgeplan::checks::partners
