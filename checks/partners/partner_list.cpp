#include "checks/partners/partner_list.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <sstream>

#include "topology/strings.h"

namespace edgeplan::checks::partners {
namespace {

// A domain as the list compares it: lower case, without the root's trailing dot.
std::string canonical_domain(std::string text) {
    text = strings::lower(std::move(text));
    while (!text.empty() && text.back() == '.') text.pop_back();
    return text;
}

std::string trim(const std::string& text) { return strings::trim(text, " \t\r\n"); }

// The Microsoft 365 / Teams federation FQDN: tenants' _sipfederationtls._tcp SRV records name it
// (docs/partners.md cites the page). Known without configuration so such a partner is "hosted".
const std::vector<std::pair<std::string, std::string>>& well_known_services() {
    static const std::vector<std::pair<std::string, std::string>> services{
        {"Microsoft 365 / Teams", "sipfed.online.lync.com"},
    };
    return services;
}

bool is_blocked(const PartnerList& list, const std::string& domain) {
    return std::find(list.blocked.begin(), list.blocked.end(), domain) != list.blocked.end();
}

// Adds `entry` unless the same (protocol, domain) is there already; a blocked domain goes to
// allowed_and_blocked instead.
void add_entry(PartnerList& list, PartnerEntry entry) {
    if (is_blocked(list, entry.domain)) {
        const bool known =
            std::any_of(list.allowed_and_blocked.begin(), list.allowed_and_blocked.end(),
                        [&](const PartnerEntry& e) { return e.domain == entry.domain; });
        if (!known) list.allowed_and_blocked.push_back(std::move(entry));
        return;
    }
    for (PartnerEntry& existing : list.partners) {
        if (existing.protocol == entry.protocol && existing.domain == entry.domain) {
            // The settings may leave ProxyFqdn empty where the file gives one: keep the more
            // precise route.
            if (existing.proxy_fqdn.empty()) existing.proxy_fqdn = entry.proxy_fqdn;
            return;
        }
    }
    list.partners.push_back(std::move(entry));
}

// Splits one CSV line (RFC 4180 quoting, as Export-Csv writes it).
std::vector<std::string> csv_fields(const std::string& line) {
    std::vector<std::string> fields;
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.push_back(trim(field));
            field.clear();
        } else {
            field += c;
        }
    }
    fields.push_back(trim(field));
    return fields;
}

}  // namespace

const char* to_string(PartnerProtocol protocol) {
    return protocol == PartnerProtocol::sip ? "sip" : "xmpp";
}

bool is_partner_domain(const std::string& text) {
    if (text.empty() || text.size() > 253) return false;
    std::size_t label = 0;
    int labels = 1;
    for (const char c : text) {
        if (c == '.') {
            if (label == 0) return false;
            label = 0;
            ++labels;
            continue;
        }
        const auto u = static_cast<unsigned char>(c);
        if (!std::isalnum(u) && c != '-' && c != '_') return false;
        if (++label > 63) return false;
    }
    return label > 0 && labels >= 2;
}

PartnerList partners_from_settings(const topology::FederationSettings& federation) {
    PartnerList list;
    for (const topology::BlockedDomain& blocked : federation.blocked) {
        const std::string domain = canonical_domain(blocked.domain);
        if (!domain.empty() && !is_blocked(list, domain)) list.blocked.push_back(domain);
    }
    for (const topology::HostingProvider& provider : federation.hosting_providers) {
        if (provider.proxy_fqdn.empty()) continue;
        list.providers.push_back(
            {provider.name, canonical_domain(provider.proxy_fqdn), true, provider.where});
    }
    for (const auto& [name, fqdn] : well_known_services()) {
        const bool configured =
            std::any_of(list.providers.begin(), list.providers.end(),
                        [&, fqdn = fqdn](const ProviderFqdn& p) { return p.proxy_fqdn == fqdn; });
        if (!configured) list.providers.push_back({name, fqdn, false, {}});
    }
    for (const topology::AllowedDomain& allowed : federation.allowed) {
        const std::string domain = canonical_domain(allowed.domain);
        if (domain.empty()) continue;
        add_entry(list, {domain, canonical_domain(allowed.proxy_fqdn), PartnerProtocol::sip,
                         "settings", "", allowed.where});
    }
    for (const topology::XmppPartner& partner : federation.xmpp_partners) {
        const std::string domain = canonical_domain(partner.domain);
        if (domain.empty()) continue;
        add_entry(list, {domain, "", PartnerProtocol::xmpp, "settings", "", partner.where});
    }
    return list;
}

void add_partner_file(PartnerList& list, const std::string& path, const std::string& text) {
    std::istringstream in(text);
    std::string line;
    int number = 0;
    bool csv = false;
    std::size_t domain_column = 0;
    std::size_t proxy_column = std::string::npos;
    std::size_t comment_column = std::string::npos;
    bool first_content = true;
    while (std::getline(in, line)) {
        ++number;
        if (number == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);  // UTF-8 BOM
        const std::string content = trim(line);
        if (content.empty()) continue;
        if (content[0] == '#') continue;  // comment, or Export-Csv's "#TYPE ..." line
        const int column = static_cast<int>(line.find_first_not_of(" \t")) + 1;
        if (first_content) {
            first_content = false;
            // A CSV header names a Domain column (Get-CsAllowedDomain | Export-Csv).
            if (content.find(',') != std::string::npos ||
                strings::lower(csv_fields(content)[0]) == "domain") {
                const std::vector<std::string> header = csv_fields(content);
                domain_column = header.size();
                for (std::size_t i = 0; i < header.size(); ++i) {
                    const std::string name = strings::lower(header[i]);
                    if (name == "domain") domain_column = i;
                    if (name == "proxyfqdn") proxy_column = i;
                    if (name == "comment") comment_column = i;
                }
                if (domain_column == header.size()) {
                    throw topology::InputError({path, number, column},
                                               "a CSV partner list needs a Domain column "
                                               "(Get-CsAllowedDomain | Export-Csv)");
                }
                csv = true;
                continue;
            }
        }
        PartnerEntry entry;
        entry.source = path;
        entry.where = {path, number, column};
        if (csv) {
            const std::vector<std::string> fields = csv_fields(content);
            entry.domain =
                domain_column < fields.size() ? canonical_domain(fields[domain_column]) : "";
            if (proxy_column < fields.size())
                entry.proxy_fqdn = canonical_domain(fields[proxy_column]);
            if (comment_column < fields.size()) entry.comment = fields[comment_column];
        } else {
            entry.domain = canonical_domain(content);
        }
        if (!is_partner_domain(entry.domain)) {
            throw topology::InputError(entry.where,
                                       "'" + entry.domain +
                                           "' is not a partner domain name (one "
                                           "domain per line, or Domain,ProxyFqdn,Comment)");
        }
        if (!entry.proxy_fqdn.empty() && !is_partner_domain(entry.proxy_fqdn)) {
            throw topology::InputError(entry.where,
                                       "ProxyFqdn '" + entry.proxy_fqdn + "' is not a host name");
        }
        add_entry(list, std::move(entry));
    }
}

}  // namespace edgeplan::checks::partners
