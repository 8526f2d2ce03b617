#include "checks/partners/partner_targets.h"

#include "checks/partners/partner_probes.h"

namespace edgeplan::checks::partners {

using probes::DnsOutcome;
using probes::DnsType;

ObservationIndex::ObservationIndex(const probes::Observations& o) {
    for (const auto& answer : o.dns) {
        std::string name = answer.query.name;
        while (!name.empty() && name.back() == '.') name.pop_back();
        dns_.emplace(std::pair{name, static_cast<int>(answer.query.type)}, &answer);
    }
    for (const auto& t : o.tcp) tcp_.emplace(std::pair{t.probe.address, t.probe.port}, &t);
    for (const auto& t : o.tls) {
        tls_.emplace(
            std::tuple{t.probe.address, t.probe.port, t.probe.sni, t.probe.check_legacy_tls}, &t);
    }
    for (const auto& x : o.xmpp) {
        xmpp_.emplace(std::tuple{x.probe.address, x.probe.port, x.probe.domain}, &x);
    }
}

const probes::DnsAnswer* ObservationIndex::dns(const std::string& name, DnsType type) const {
    const auto it = dns_.find({name, static_cast<int>(type)});
    return it == dns_.end() ? nullptr : it->second;
}

const probes::TcpObservation* ObservationIndex::tcp(const std::string& address,
                                                    std::uint16_t port) const {
    const auto it = tcp_.find({address, port});
    return it == tcp_.end() ? nullptr : it->second;
}

const probes::TlsObservation* ObservationIndex::tls(const std::string& address, std::uint16_t port,
                                                    const std::string& sni, bool legacy) const {
    const auto it = tls_.find({address, port, sni, legacy});
    return it == tls_.end() ? nullptr : it->second;
}

const probes::XmppObservation* ObservationIndex::xmpp(const std::string& address,
                                                      std::uint16_t port,
                                                      const std::string& domain) const {
    const auto it = xmpp_.find({address, port, domain});
    return it == xmpp_.end() ? nullptr : it->second;
}

PartnerDiscovery discover(const PartnerEntry& partner, const ObservationIndex& index) {
    PartnerDiscovery d;
    if (partner.protocol == PartnerProtocol::sip && !partner.proxy_fqdn.empty()) {
        d.by_proxy_fqdn = true;
        d.answer = index.dns(partner.proxy_fqdn, DnsType::A);
        d.asked = d.answer != nullptr;
        d.targets.push_back({partner.proxy_fqdn, kSipFederationPort});
        return d;
    }
    d.answer = index.dns(discovery_name(partner), DnsType::SRV);
    d.asked = d.answer != nullptr;
    if (!d.answer) return d;
    if (d.answer->outcome == DnsOutcome::ok) {
        for (const probes::SrvRecord& srv : d.answer->srv) {
            // "." as target: the service is decidedly not available (RFC 2782).
            if (srv.target.empty() || srv.target == ".") continue;
            bool seen = false;
            for (const PartnerTarget& t : d.targets)
                seen |= t.fqdn == srv.target && t.port == srv.port;
            if (!seen) d.targets.push_back({srv.target, srv.port});
        }
    }
    d.srv_missing = d.answer->outcome == DnsOutcome::nxdomain ||
                    d.answer->outcome == DnsOutcome::nodata ||
                    (d.answer->outcome == DnsOutcome::ok && d.targets.empty());
    // XMPP without SRV: connect to the domain itself on 5269 (RFC 6120 3.2.2). SIP federation
    // has no such fallback: without SRV or ProxyFqdn the Access Edge cannot find the partner.
    if (partner.protocol == PartnerProtocol::xmpp && d.srv_missing) {
        d.targets.push_back({partner.domain, kXmppServerPort});
    }
    return d;
}

TargetAddresses addresses_of(const std::string& fqdn, const ObservationIndex& index) {
    TargetAddresses t;
    t.a = index.dns(fqdn, DnsType::A);
    t.aaaa = index.dns(fqdn, DnsType::AAAA);
    for (const probes::DnsAnswer* answer : {t.a, t.aaaa}) {
        if (!answer || answer->outcome != DnsOutcome::ok) continue;
        for (const std::string& address : answer->addresses) {
            bool seen = false;
            for (const std::string& a : t.addresses) seen |= a == address;
            if (!seen) t.addresses.push_back(address);
        }
    }
    return t;
}

}  // namespace edgeplan::checks::partners
