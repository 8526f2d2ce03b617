#pragma once
// The TLS and XMPP endpoints the live certificate checks probe, derived from the plan only:
// the Access Edge probe addresses on the client and federation ports (PORT-EXT-05/06), the Web
// Conferencing Edge on its port (PORT-EXT-08), each member or VIP separately; the internal
// interface on 5061 (PORT-INT-02) for --from internal; and 5269 of the XMPP route pool
// (PORT-EXT-01) once per XMPP domain. Each check asks for the same probe of a target, so the
// runner de-duplicates them and every endpoint is connected to once.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "checks/certificates/certificate_facts.h"
#include "checks/certificates/certificate_rules.h"
#include "checks/check.h"
#include "checks/probes/observation.h"
#include "checks/probes/probe_requests.h"

namespace edgeplan::checks::certificates_live {

enum class TlsRole { access_client, access_federation, webconf, internal_sip };
const char* to_string(TlsRole role);

struct TlsTarget {
    std::string address;
    std::uint16_t port = 0;
    std::string sni;  // Access Edge / Web Conferencing FQDN, or the internal certificate subject
    std::string pool_id;
    topology::CertificateUse use = topology::CertificateUse::external;
    TlsRole role = TlsRole::access_client;
    std::string row;  // firewall table row (X5, V3, I2, ...)
    topology::SourceLocation where;
};

struct XmppTarget {
    std::string address;
    std::uint16_t port = 5269;
    std::string domain;
    std::string pool_id;
    std::string row;
    topology::SourceLocation where;
    bool domain_from_sip = false;  // no XMPP domain stated: the default SIP domain stands in
};

std::vector<TlsTarget> tls_targets(const CheckContext& context, topology::CertificateUse use);
std::vector<XmppTarget> xmpp_targets(const CheckContext& context);
// The skip when xmpp_targets is empty: not_applicable, or unknown_input when XMPP federation is
// wanted and the endpoint's address is not known.
Finding no_xmpp_endpoint(const CheckInfo& info, const CheckContext& context);

probes::TlsProbe tls_probe_for(const TlsTarget& target);
probes::XmppProbe xmpp_probe_for(const XmppTarget& target);

// tls:<ip>:<port>; xmpp:<ip>:<port>, with /<domain> appended when the model has several XMPP
// domains (docs/subjects.md).
std::string tls_subject(const TlsTarget& target);
std::string xmpp_subject(const CheckContext& context, const XmppTarget& target);

// Adds the TCP probe and the TLS / XMPP probe of every target, when the side is probed.
void request_tls(const CheckContext& context, topology::CertificateUse use,
                 probes::ProbeRequests& requests);
void request_xmpp(const CheckContext& context, probes::ProbeRequests& requests);

// A skip when the run is offline or the side (--from) was not chosen; nullopt when probed.
std::optional<Finding> tls_not_probed(const CheckInfo& info, const CheckContext& context,
                                      topology::CertificateUse use);

Evidence target_evidence(const TlsTarget& target);
Evidence target_evidence(const XmppTarget& target);

// The TLS observation of a target after its TCP probe said open. Otherwise pushes the finding
// that explains why there is none (error: not observed; skip not_reachable: TCP not open) and
// returns nullptr.
const probes::TlsObservation* reached_tls(const CheckInfo& info, const CheckContext& context,
                                          const TlsTarget& target, std::vector<Finding>& out);
const probes::XmppObservation* reached_xmpp(const CheckInfo& info, const CheckContext& context,
                                            const XmppTarget& target, std::vector<Finding>& out);

// The chain a TLS handshake presented, parsed and verified (--ca-file or the system store, at
// the run's clock); throws certificates::CertificateLoadError when it cannot be parsed.
certificates::CertificateChainFacts chain_facts(const CheckContext& context,
                                                const std::vector<probes::DerBlob>& chain);

// The plan's expectation for the pool's certificate of `use`.
certificates::CertificateExpectation expectation_of(const CheckContext& context,
                                                    const std::string& pool_id,
                                                    topology::CertificateUse use);
certificates::RuleOptions rule_options(const CheckContext& context);

}  // namespace edgeplan::checks::certificates_live
