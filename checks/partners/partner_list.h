#pragma once
// Who `edgeplan partners` audits: the federation partners of the settings model (allowed SIP
// domains with their ProxyFqdn, XMPP partners, hosting providers, blocked domains) plus the
// partners of `--partners FILE`. The list is built from topology::FederationSettings only, so any
// source that yields that model (`--settings`, later `--settings-from DIR`) feeds it unchanged.
#include <string>
#include <vector>

#include "topology/input_error.h"
#include "topology/model.h"

namespace edgeplan::checks::partners {

enum class PartnerProtocol { sip, xmpp };
const char* to_string(PartnerProtocol protocol);

struct PartnerEntry {
    std::string domain;      // lower case, no trailing dot
    std::string proxy_fqdn;  // SIP only: the partner's Access Edge; empty = SRV discovery
    PartnerProtocol protocol = PartnerProtocol::sip;
    std::string source;  // "settings" or the --partners path
    std::string comment;
    topology::SourceLocation where;
};

// A provider whose federation FQDN a partner's SRV target or ProxyFqdn may name.
struct ProviderFqdn {
    std::string name;
    std::string proxy_fqdn;   // lower case
    bool configured = false;  // from the settings' hosting providers (else a well-known service)
    topology::SourceLocation where;
};

struct PartnerList {
    std::vector<PartnerEntry>
        partners;  // to probe: allowed and not blocked, one per (protocol, domain)
    // Allowed (settings or file) and blocked at once: reported, never probed.
    std::vector<PartnerEntry> allowed_and_blocked;
    std::vector<std::string> blocked;  // blocked domains, lower case
    std::vector<ProviderFqdn> providers;
};

// The partners of the settings model. A disabled federation still lists its partners: the audit
// is about the partners' servers, and the report says federation is off (FED-PARTNER-10).
PartnerList partners_from_settings(const topology::FederationSettings& federation);

// Adds the partners of a `--partners` file: one domain per line (`#` comments, blank lines), or
// the CSV of `Get-CsAllowedDomain | Export-Csv` (Domain,ProxyFqdn,Comment; an optional `#TYPE`
// line first; quoted fields). Throws topology::InputError (file:line:column) for a line that is
// not a domain name or a CSV without a Domain column.
void add_partner_file(PartnerList& list, const std::string& path, const std::string& text);

// Whether `text` is a DNS name edgeplan will ask about: letters, digits, '-', '_' and dots,
// 1..253 characters, labels 1..63, at least two labels.
bool is_partner_domain(const std::string& text);

}  // namespace edgeplan::checks::partners
