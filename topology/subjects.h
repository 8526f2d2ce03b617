#pragma once
// The subject grammar of docs/subjects.md, in one place. A subject names exactly what a finding
// looked at; (check ID, subject) keys baselines, waivers, JUnit and SARIF, so every layer that
// builds or matches a subject (plan derivation, offline and live checks, report lookups) spells
// it through these functions.
#include <cstddef>
#include <string>
#include <string_view>

#include "topology/model.h"

namespace edgeplan::subjects {

inline constexpr const char* kTopologySubject = "topology";  // the whole model

std::string site_subject(const std::string& id);               // site:<id>
std::string pool_subject(const std::string& id);               // pool:<edge pool id>
std::string member_subject(const std::string& internal_fqdn);  // member:<internal fqdn>
// A member the topology gives no internal FQDN: member:<pool id>#<1-based index>.
std::string member_subject(const std::string& pool_id, std::size_t index);
std::string domain_subject(const std::string& domain);        // domain:<sip domain>
std::string xmpp_domain_subject(const std::string& domain);   // xmpp-domain:<domain>
std::string partner_subject(const std::string& domain);       // partner:<domain>
std::string xmpp_partner_subject(const std::string& domain);  // xmpp-partner:<domain>
std::string provider_subject(const std::string& name);        // provider:<name>
std::string policy_subject(const std::string& name);          // policy:<name>
std::string cert_subject(const std::string& pool_id,
                         topology::CertificateUse use);                   // cert:<pool>/<use>
std::string dns_subject(const std::string& name, std::string_view type);  // dns:<name>/<TYPE>
// tcp:<ip>:<port>, udp:..., tls:..., xmpp:...; an IPv6 address is bracketed.
std::string endpoint_subject(std::string_view transport, const std::string& address, int port);
std::string tls_pool_subject(const std::string& pool_id, const std::string& role);  // tls-pool:
std::string file_subject(const std::string& path);                                  // file:<path>
// plan:<name>/<TYPE>=<address>
std::string plan_address_subject(const std::string& name, std::string_view type,
                                 const std::string& address);
std::string waiver_subject(const std::string& check_id, const std::string& subject);  // waiver:

}  // namespace edgeplan::subjects
