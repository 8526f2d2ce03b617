#include "checks/certificates_live/tls_targets.h"

#include <algorithm>

#include "checks/certificate_settings.h"
#include "checks/certificates/certificate_parser.h"
#include "checks/offline_support.h"
#include "checks/ports_live/port_rule_check.h"
#include "checks/probe_settings.h"

namespace edgeplan::checks::certificates_live {
namespace {

using topology::CertificateUse;
using topology::FirewallRole;
using topology::FirewallRule;

bool inbound_single_tcp(const FirewallRule& r, topology::FirewallSide side) {
    return r.direction == topology::Direction::inbound && r.side == side &&
           r.transport == topology::Transport::tcp && r.port_from == r.port_to && r.port_from > 0 &&
           r.port_from < 65536;
}

std::string internal_subject(const CheckContext& context, const topology::EdgePool& pool) {
    for (const auto& request : context.plan.certificates) {
        if (request.pool_id == pool.id && request.use == CertificateUse::internal) {
            return request.subject;
        }
    }
    return pool.internal_fqdn;
}

ports_live::PortProbeMode mode_of(CertificateUse use) {
    return use == CertificateUse::external ? ports_live::PortProbeMode::inbound_external
                                           : ports_live::PortProbeMode::inbound_internal;
}

const probes::TcpObservation* find_tcp(const CheckContext& context, const std::string& address,
                                       std::uint16_t port) {
    const auto& tcp = context.observations->tcp;
    const auto it = std::find_if(tcp.begin(), tcp.end(), [&](const probes::TcpObservation& o) {
        return o.probe.address == address && o.probe.port == port;
    });
    return it == tcp.end() ? nullptr : &*it;
}

// Shared by TLS and XMPP: a finding when the TCP probe has no answer or is not open.
bool tcp_open(const CheckInfo& info, const CheckContext& context, const std::string& subject,
              const std::string& address, std::uint16_t port, const Evidence& evidence,
              const topology::SourceLocation& where, std::vector<Finding>& out) {
    const probes::TcpObservation* tcp = find_tcp(context, address, port);
    if (!tcp) {
        out.push_back(make_finding(info, Status::error, subject,
                                   "no TCP observation for " + subject + " (the probe was not run)",
                                   where, evidence));
        return false;
    }
    if (tcp->outcome == probes::TcpOutcome::open) return true;
    Finding f = make_skip(info, subject, "not_reachable",
                          "TCP " + address + ":" + std::to_string(port) + " is " +
                              probes::to_string(tcp->outcome) +
                              ", so no TLS was negotiated (the port checks report it)",
                          where);
    f.evidence = evidence;
    f.evidence.emplace_back("observed", std::string("tcp ") + probes::to_string(tcp->outcome));
    out.push_back(std::move(f));
    return false;
}

}  // namespace

const char* to_string(TlsRole role) {
    switch (role) {
        case TlsRole::access_client:
            return "access_client";
        case TlsRole::access_federation:
            return "access_federation";
        case TlsRole::webconf:
            return "webconf";
        case TlsRole::internal_sip:
            return "internal_sip";
    }
    return "";
}

std::vector<TlsTarget> tls_targets(const CheckContext& context, CertificateUse use) {
    std::vector<TlsTarget> out;
    for (const FirewallRule& r : context.plan.firewall) {
        const topology::EdgePool* pool = context.model.find_edge_pool(r.pool_id);
        if (!pool) continue;
        TlsRole role = TlsRole::access_client;
        std::string sni;
        if (use == CertificateUse::external) {
            if (!inbound_single_tcp(r, topology::FirewallSide::external)) continue;
            if (r.role == FirewallRole::access_client) {
                role = TlsRole::access_client;
                sni = pool->access.fqdn;
            } else if (r.role == FirewallRole::access_federation_inbound) {
                role = TlsRole::access_federation;
                sni = pool->access.fqdn;
            } else if (r.role == FirewallRole::webconf) {
                role = TlsRole::webconf;
                sni = pool->webconf.fqdn;
            } else {
                continue;
            }
        } else {
            if (!inbound_single_tcp(r, topology::FirewallSide::internal) ||
                r.role != FirewallRole::internal_sip_inbound) {
                continue;
            }
            role = TlsRole::internal_sip;
            sni = internal_subject(context, *pool);
        }
        for (const std::string& address : r.probe_addresses) {
            const auto port = static_cast<std::uint16_t>(r.port_from);
            const bool seen = std::any_of(out.begin(), out.end(), [&](const TlsTarget& t) {
                return t.address == address && t.port == port;
            });
            if (seen) continue;
            out.push_back({address, port, lower(sni), pool->id, use, role, r.row, r.where});
        }
    }
    return out;
}

// The domains a STARTTLS probe names in its stream header. A Lync export states no XMPP
// domain (settings do); its Edge still carries 5269, and the XMPP gateway answers for the SIP
// domains, so the default SIP domain stands in rather than the endpoint going unprobed.
std::vector<std::pair<std::string, bool>> stream_domains(const topology::Model& model) {
    std::vector<std::pair<std::string, bool>> out;
    for (const topology::XmppDomain& domain : model.xmpp_domains) {
        out.emplace_back(lower(domain.name), false);
    }
    if (!out.empty() || model.sip_domains.empty()) return out;
    const auto preferred = std::find_if(model.sip_domains.begin(), model.sip_domains.end(),
                                        [](const topology::SipDomain& d) { return d.is_default; });
    const auto& chosen = preferred != model.sip_domains.end() ? *preferred : model.sip_domains[0];
    out.emplace_back(lower(chosen.name), true);
    return out;
}

std::vector<XmppTarget> xmpp_targets(const CheckContext& context) {
    std::vector<XmppTarget> out;
    const auto domains = stream_domains(context.model);
    for (const FirewallRule& r : context.plan.firewall) {
        if (r.role != FirewallRole::xmpp_partners_inbound ||
            !inbound_single_tcp(r, topology::FirewallSide::external)) {
            continue;
        }
        for (const std::string& address : r.probe_addresses) {
            for (const auto& [domain, from_sip] : domains) {
                XmppTarget t{address, static_cast<std::uint16_t>(r.port_from),
                             domain,  r.pool_id,
                             r.row,   r.where,
                             from_sip};
                const bool seen = std::any_of(out.begin(), out.end(), [&](const XmppTarget& o) {
                    return o.address == t.address && o.port == t.port && o.domain == t.domain;
                });
                if (!seen) out.push_back(std::move(t));
            }
        }
    }
    return out;
}

probes::TlsProbe tls_probe_for(const TlsTarget& target) {
    probes::TlsProbe p;
    p.address = target.address;
    p.port = target.port;
    p.sni = target.sni;
    // SIP OPTIONS on the Access Edge ports (PORT-EXT-15); legacy TLS everywhere (CERT-EXT-22).
    p.send_sip_options =
        target.role == TlsRole::access_client || target.role == TlsRole::access_federation;
    p.check_legacy_tls = true;
    return p;
}

probes::XmppProbe xmpp_probe_for(const XmppTarget& target) {
    return {target.address, target.port, target.domain};
}

std::string tls_subject(const TlsTarget& target) {
    return ports_live::endpoint_subject("tls", target.address, target.port);
}

std::string xmpp_subject(const CheckContext& context, const XmppTarget& target) {
    std::string subject = ports_live::endpoint_subject("xmpp", target.address, target.port);
    if (context.model.xmpp_domains.size() > 1) subject += "/" + target.domain;
    return subject;
}

void request_tls(const CheckContext& context, CertificateUse use, probes::ProbeRequests& requests) {
    if (!context.probe || !context.probe->probes_from(ports_live::side_of(mode_of(use)))) return;
    for (const TlsTarget& t : tls_targets(context, use)) {
        requests.tcp.push_back({t.address, t.port, std::nullopt});
        requests.tls.push_back(tls_probe_for(t));
    }
}

void request_xmpp(const CheckContext& context, probes::ProbeRequests& requests) {
    if (!context.probe || !context.probe->probes_from(ProbeSide::external)) return;
    for (const XmppTarget& t : xmpp_targets(context)) {
        requests.tcp.push_back({t.address, t.port, std::nullopt});
        requests.xmpp.push_back(xmpp_probe_for(t));
    }
}

std::optional<Finding> tls_not_probed(const CheckInfo& info, const CheckContext& context,
                                      CertificateUse use) {
    return ports_live::not_probed(info, context, mode_of(use));
}

Evidence target_evidence(const TlsTarget& target) {
    return {{"ip", target.address},
            {"port", std::to_string(target.port)},
            {"sni", target.sni},
            {"pool", target.pool_id},
            {"row", target.row}};
}

Evidence target_evidence(const XmppTarget& target) {
    Evidence evidence{{"ip", target.address},
                      {"port", std::to_string(target.port)},
                      {"xmpp_domain", target.domain},
                      {"pool", target.pool_id},
                      {"row", target.row}};
    if (target.domain_from_sip) {
        evidence.emplace_back("xmpp_domain_source", "default SIP domain (no XMPP domain stated)");
    }
    return evidence;
}

Finding no_xmpp_endpoint(const CheckInfo& info, const CheckContext& context) {
    // XMPP federation is wanted (a domain or partner is stated) but no pool carries 5269 with a
    // known address: the input lacks it, which is not the same as "does not apply".
    const bool wanted =
        !context.model.xmpp_domains.empty() || !context.model.federation.xmpp_partners.empty();
    if (!wanted) return not_applicable(info, "the plan has no XMPP federation endpoint (5269)");
    return unknown_input(info, kTopologySubject,
                         "the address of the XMPP federation endpoint (5269 on the Edge pool of "
                         "the XMPP route)",
                         context.model.federation.where);
}

const probes::TlsObservation* reached_tls(const CheckInfo& info, const CheckContext& context,
                                          const TlsTarget& target, std::vector<Finding>& out) {
    const std::string subject = tls_subject(target);
    const Evidence evidence = target_evidence(target);
    if (!tcp_open(info, context, subject, target.address, target.port, evidence, target.where,
                  out)) {
        return nullptr;
    }
    const probes::TlsProbe probe = tls_probe_for(target);
    const auto& tls = context.observations->tls;
    const auto it = std::find_if(tls.begin(), tls.end(),
                                 [&](const probes::TlsObservation& o) { return o.probe == probe; });
    if (it == tls.end()) {
        out.push_back(make_finding(info, Status::error, subject,
                                   "no TLS observation for " + subject + " (the probe was not run)",
                                   target.where, evidence));
        return nullptr;
    }
    return &*it;
}

const probes::XmppObservation* reached_xmpp(const CheckInfo& info, const CheckContext& context,
                                            const XmppTarget& target, std::vector<Finding>& out) {
    const std::string subject = xmpp_subject(context, target);
    const Evidence evidence = target_evidence(target);
    if (!tcp_open(info, context, subject, target.address, target.port, evidence, target.where,
                  out)) {
        return nullptr;
    }
    const probes::XmppProbe probe = xmpp_probe_for(target);
    const auto& xmpp = context.observations->xmpp;
    const auto it = std::find_if(xmpp.begin(), xmpp.end(), [&](const probes::XmppObservation& o) {
        return o.probe == probe;
    });
    if (it == xmpp.end()) {
        out.push_back(
            make_finding(info, Status::error, subject,
                         "no XMPP observation for " + subject + " (the probe was not run)",
                         target.where, evidence));
        return nullptr;
    }
    return &*it;
}

certificates::CertificateChainFacts chain_facts(const CheckContext& context,
                                                const std::vector<probes::DerBlob>& chain) {
    certificates::VerifyOptions verify;
    verify.verify = true;
    verify.now = context.now;
    if (context.certificates) verify.ca_file = context.certificates->ca_file;
    return certificates::parse_der_chain(chain, verify);
}

certificates::CertificateExpectation expectation_of(const CheckContext& context,
                                                    const std::string& pool_id,
                                                    CertificateUse use) {
    for (const auto& request : context.plan.certificates) {
        if (request.pool_id == pool_id && request.use == use) {
            return certificates::expectation_for(context.model, request);
        }
    }
    certificates::CertificateExpectation e;
    e.use = use;
    e.pool_id = pool_id;
    return e;
}

certificates::RuleOptions rule_options(const CheckContext& context) {
    certificates::RuleOptions options;
    options.now = context.now;
    if (context.certificates) {
        options.expiry_warning_days = context.certificates->expiry_warning_days;
    }
    return options;
}

}  // namespace edgeplan::checks::certificates_live
