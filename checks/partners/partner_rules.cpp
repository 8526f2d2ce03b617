#include "checks/partners/partner_rules.h"

#include <algorithm>
#include <map>
#include <set>

#include "checks/certificates/certificate_parser.h"
#include "checks/certificates/name_match.h"
#include "checks/citations.h"
#include "checks/partners/partner_probes.h"
#include "checks/partners/partner_targets.h"

namespace edgeplan::checks::partners {
namespace {

using probes::DnsOutcome;
using probes::TcpOutcome;

const Citation kRfc2782{"RFC2782", "RFC 2782"};
const Citation kRfc6125{"RFC6125", "RFC 6125"};
const Citation kRfc6120{"RFC6120", "RFC 6120"};
const Citation kRfc8996{"RFC8996", "RFC 8996"};
const Citation kBr615{"CABF-BR", "CA/Browser Forum Baseline Requirements 6.1.5 and 7.1.3.2"};

enum Rule {
    kDiscoverable,
    kTargetResolves,
    kPortOpen,
    kHandshake,
    kModernTls,
    kCertValid,
    kCertNames,
    kCertStrength,
    kTargetDomain,
    kAllowedBlocked,
    kKind,
    kRuleCount
};

}  // namespace

const std::vector<CheckInfo>& partner_rule_catalogue() {
    static const std::vector<CheckInfo> rules{
        {"FED-PARTNER-01",
         "Every partner can be found: a _sipfederationtls._tcp SRV record or a configured "
         "ProxyFqdn (XMPP: a _xmpp-server._tcp SRV record)",
         "federation",
         CheckKind::dns,
         Severity::must,
         {"FED", "XMPP"},
         {cite("DNSREQ"), cite("ALLOWDOM"), kRfc2782, kRfc6120},
         "Ask the partner to publish _sipfederationtls._tcp.<domain> (port 5061), or set its "
         "Access Edge FQDN as ProxyFqdn on the allowed domain entry"},
        {"FED-PARTNER-02",
         "Every target of a partner resolves to an address (A or AAAA)",
         "federation",
         CheckKind::dns,
         Severity::must,
         {"FED", "XMPP"},
         {cite("DNSREQ"), kRfc2782},
         "Ask the partner to publish an A/AAAA record for the host its SRV record (or your "
         "ProxyFqdn) names"},
        {"FED-PARTNER-03",
         "The federation port (SIP 5061, XMPP 5269) is open on every address of every target",
         "federation",
         CheckKind::tcp,
         Severity::must,
         {"FED", "XMPP"},
         {cite("SETUP-FED"), cite("SETUP-XMPP")},
         "Ask the partner to open TCP 5061 (5269 for XMPP) to its Access Edge on every "
         "published address, or to remove the address from DNS"},
        {"FED-PARTNER-04",
         "The TLS handshake (SIP) or STARTTLS negotiation (XMPP) with the partner completes and "
         "shows the server certificate",
         "federation",
         CheckKind::tls,
         Severity::must,
         {"FED", "XMPP"},
         {cite("CR-EXT"), cite("XMPP-NEG"), kRfc6120},
         "Ask the partner to check its Access Edge's certificate binding and TLS settings on "
         "5061 (XMPP: offer STARTTLS on 5269)"},
        {"FED-PARTNER-05",
         "The partner's server offers TLS 1.2 or later",
         "federation",
         CheckKind::tls,
         Severity::must,
         {"FED"},
         {kRfc8996, cite("CR-EXT")},
         "Ask the partner to enable TLS 1.2 on its Access Edge (TLS 1.0 and 1.1 are deprecated)"},
        {"FED-PARTNER-06",
         "The partner's certificate is within its validity period and chains to a trusted root",
         "federation",
         CheckKind::tls,
         Severity::must,
         {"FED", "XMPP"},
         {cite("CR-EXT"), cite("PLAN-CERT")},
         "Ask the partner to renew its Access Edge certificate from a public CA (or trust its "
         "CA with --ca-file when that is agreed)"},
        {"FED-PARTNER-07",
         "The partner's certificate names cover the host it was reached by (SRV target or "
         "ProxyFqdn; XMPP: the domain), as RFC 6125 matches them",
         "federation",
         CheckKind::tls,
         Severity::must,
         {"FED", "XMPP"},
         {kRfc6125, cite("CR-EXT")},
         "Ask the partner to put the Access Edge FQDN its SRV record names on the certificate "
         "(subject or SAN)"},
        {"FED-PARTNER-08",
         "The partner's certificate uses a strong key (RSA 2048+, EC 256+) and signature hash "
         "(SHA-256 or better)",
         "federation",
         CheckKind::tls,
         Severity::should,
         {"FED", "XMPP"},
         {kBr615},
         "Ask the partner to reissue its certificate with a 2048-bit RSA key and SHA-256"},
        {"FED-PARTNER-09",
         "A partner's SRV target lies in the partner's domain, or is a configured hosting "
         "provider's ProxyFqdn",
         "federation",
         CheckKind::dns,
         Severity::should,
         {"FED"},
         {cite("HOSTPROV"), cite("LYNCONLINE"), cite("DNSREQ")},
         "Configure the provider as a hosting provider (New-CsHostingProvider -ProxyFqdn), or "
         "ask the partner why its SRV record points outside its domain"},
        {"FED-PARTNER-10",
         "No domain is both an allowed partner and a blocked domain",
         "federation",
         CheckKind::offline,
         Severity::should,
         {"FED"},
         {cite("ALLOWDOM")},
         "Remove the domain from the allowed list or from the blocked list (a blocked domain is "
         "not probed)"},
        {"FED-PARTNER-11",
         "Each partner's kind is known: on-premises Lync/Skype for Business, hosted (by which "
         "provider), or unknown",
         "federation",
         CheckKind::dns,
         Severity::info,
         {"FED"},
         {cite("HOSTPROV"), cite("LYNCONLINE")},
         "Nothing to fix: the kind explains the partner's route"},
    };
    return rules;
}

int verdict_rank(Status status) {
    switch (status) {
        case Status::fail:
            return 0;
        case Status::error:
            return 1;
        case Status::warn:
            return 2;
        case Status::pass:
            return 3;
        case Status::skip:
            return 4;
    }
    return 5;
}

namespace {

std::string endpoint(const std::string& address, std::uint16_t port) {
    return address.find(':') != std::string::npos ? "[" + address + "]:" + std::to_string(port)
                                                  : address + ":" + std::to_string(port);
}

// "partner:<domain>" for SIP, "partner:<domain>/xmpp" for XMPP: a domain may be both.
std::string subject_base(const PartnerEntry& p) {
    return "partner:" + p.domain + (p.protocol == PartnerProtocol::xmpp ? "/xmpp" : "");
}

bool in_domain(const std::string& host, const std::string& domain) {
    return host == domain ||
           (host.size() > domain.size() &&
            host.compare(host.size() - domain.size(), domain.size(), domain) == 0 &&
            host[host.size() - domain.size() - 1] == '.');
}

class Judge {
  public:
    Judge(const PartnerList& list, const probes::Observations& observations,
          const JudgeSettings& settings)
        : list_(list),
          index_(observations),
          settings_(settings),
          silent_servers_(probes::silent_dns_servers(observations)) {}

    PartnerJudgement run() {
        PartnerJudgement out;
        for (const PartnerEntry& p : list_.allowed_and_blocked) {
            const std::size_t first = findings_.size();
            add(p, kAllowedBlocked, Status::warn, "partner:" + p.domain,
                p.domain + " is allowed (" + p.source +
                    ") and blocked: the block wins and the "
                    "partner is not probed",
                {{"fqdn", p.domain}, {"observed", "allowed and blocked"}});
            PartnerRow row;
            row.domain = p.domain;
            row.protocol = to_string(p.protocol);
            row.kind = "blocked";
            finish_row(row, first);
            out.rows.push_back(std::move(row));
        }
        for (const PartnerEntry& p : list_.partners) out.rows.push_back(judge(p));
        std::sort(findings_.begin(), findings_.end(), finding_order);
        std::stable_sort(out.rows.begin(), out.rows.end(),
                         [](const PartnerRow& a, const PartnerRow& b) {
                             if (verdict_rank(a.verdict) != verdict_rank(b.verdict)) {
                                 return verdict_rank(a.verdict) < verdict_rank(b.verdict);
                             }
                             return std::tie(a.domain, a.protocol) < std::tie(b.domain, b.protocol);
                         });
        out.findings = std::move(findings_);
        return out;
    }

  private:
    void add(const PartnerEntry& p, Rule rule, Status status, std::string subject,
             std::string message, Evidence evidence = {}, std::string skip_reason = {}) {
        const CheckInfo& info = partner_rule_catalogue()[rule];
        Finding f = make_finding(info, status, std::move(subject), std::move(message), p.where,
                                 std::move(evidence));
        if (status == Status::skip)
            f.skip_reason = skip_reason.empty() ? "not_applicable" : skip_reason;
        findings_.push_back(std::move(f));
    }

    void finish_row(PartnerRow& row, std::size_t first) {
        row.verdict = Status::pass;
        bool any = false;
        for (std::size_t i = first; i < findings_.size(); ++i) {
            const Finding& f = findings_[i];
            if (f.status == Status::skip) continue;
            if (!any || verdict_rank(f.status) < verdict_rank(row.verdict)) {
                row.verdict = f.status;
                row.problem = f.status == Status::pass ? "" : f.message;
            }
            any = true;
        }
    }

    PartnerRow judge(const PartnerEntry& p) {
        const std::size_t first = findings_.size();
        const bool xmpp = p.protocol == PartnerProtocol::xmpp;
        const std::string base = subject_base(p);
        const std::string& subject = base;
        PartnerRow row;
        row.domain = p.domain;
        row.protocol = to_string(p.protocol);
        const PartnerDiscovery d = discover(p, index_);
        for (const PartnerTarget& t : d.targets)
            row.targets.push_back(t.fqdn + ":" + std::to_string(t.port));

        // FED-PARTNER-01: discoverable.
        if (!d.asked) {
            add(p, kDiscoverable, Status::error, subject,
                "no DNS answer was recorded for " + discovery_name(p) + " (the probe did not run)",
                {{"fqdn", discovery_name(p)}});
            finish_row(row, first);
            row.kind = "unknown";
            return row;
        }
        Evidence discovery{{"fqdn", discovery_name(p)},
                           {"observed", probes::to_string(d.answer->outcome)}};
        if (d.by_proxy_fqdn) {
            add(p, kDiscoverable, Status::pass, subject,
                "routed by the configured ProxyFqdn " + p.proxy_fqdn, discovery);
        } else if (silent_servers_.count(d.answer->query.server) != 0) {
            discovery.emplace_back("server", d.answer->query.server);
            add(p, kDiscoverable, Status::error, subject,
                "the DNS server " + d.answer->query.server +
                    " answered no query of this run: the partner could not be looked up",
                discovery);
            row.kind = "unknown";
            finish_row(row, first);
            return row;
        } else if (d.answer->outcome != DnsOutcome::ok && !d.srv_missing) {
            discovery.emplace_back("reason", d.answer->detail);
            add(p, kDiscoverable, Status::fail, subject,
                discovery_name(p) + " SRV could not be read (" +
                    probes::to_string(d.answer->outcome) + ")",
                discovery);
        } else if (d.srv_missing && !xmpp) {
            add(p, kDiscoverable, Status::fail, subject,
                "no " + discovery_name(p) +
                    " SRV record and no ProxyFqdn: the Access Edge "
                    "cannot find this partner",
                discovery);
        } else if (d.srv_missing) {
            add(p, kDiscoverable, Status::warn, subject,
                "no " + discovery_name(p) + " SRV record: XMPP servers fall back to " + p.domain +
                    ":5269 (RFC 6120 3.2.2)",
                discovery);
        } else {
            for (const PartnerTarget& t : d.targets) {
                discovery.emplace_back("srv_target", t.fqdn + ":" + std::to_string(t.port));
            }
            add(p, kDiscoverable, Status::pass, subject,
                discovery_name(p) + " SRV names " + std::to_string(d.targets.size()) + " target(s)",
                discovery);
        }

        classify(p, d, subject, row);

        std::string lowest_tls;
        for (const PartnerTarget& t : d.targets) {
            const TargetAddresses a = addresses_of(t.fqdn, index_);
            const std::string dns_subject = base + "/dns:" + t.fqdn;
            if (!a.a && !a.aaaa) {
                add(p, kTargetResolves, Status::error, dns_subject,
                    "no A/AAAA answer was recorded for " + t.fqdn, {{"fqdn", t.fqdn}});
                continue;
            }
            if (a.addresses.empty()) {
                const DnsOutcome outcome = a.a ? a.a->outcome : a.aaaa->outcome;
                add(p, kTargetResolves, Status::fail, dns_subject,
                    t.fqdn + " does not resolve (" + probes::to_string(outcome) + ")",
                    {{"fqdn", t.fqdn}, {"observed", probes::to_string(outcome)}});
                continue;
            }
            Evidence resolved{{"fqdn", t.fqdn}};
            for (const std::string& address : a.addresses) {
                resolved.emplace_back("ip", address);
                if (std::find(row.addresses.begin(), row.addresses.end(), address) ==
                    row.addresses.end()) {
                    row.addresses.push_back(address);
                }
            }
            add(p, kTargetResolves, Status::pass, dns_subject,
                t.fqdn + " resolves to " + std::to_string(a.addresses.size()) + " address(es)",
                resolved);
            for (const std::string& address : a.addresses) {
                endpoint_rules(p, t, address, row, lowest_tls);
            }
        }
        row.tls_version = lowest_tls;
        finish_row(row, first);
        return row;
    }

    void classify(const PartnerEntry& p, const PartnerDiscovery& d, const std::string& subject,
                  PartnerRow& row) {
        const ProviderFqdn* provider = nullptr;
        bool inside = !d.targets.empty();
        for (const PartnerTarget& t : d.targets) {
            for (const ProviderFqdn& candidate : list_.providers) {
                if (t.fqdn == candidate.proxy_fqdn) provider = &candidate;
            }
            inside = inside && in_domain(t.fqdn, p.domain);
        }
        Evidence evidence;
        for (const PartnerTarget& t : d.targets) evidence.emplace_back("srv_target", t.fqdn);
        if (provider) {
            row.kind = "hosted";
            row.provider = provider->name;
            evidence.emplace_back("observed", "hosted: " + provider->name);
            add(p, kKind, Status::pass, subject,
                "hosted by " + provider->name + " (" + provider->proxy_fqdn + ")", evidence);
        } else if (inside) {
            row.kind = "on-premises";
            evidence.emplace_back("observed", "on-premises");
            add(p, kKind, Status::pass, subject,
                "on-premises: its federation server is in its own domain", evidence);
        } else {
            row.kind = "unknown";
            evidence.emplace_back("observed", "unknown");
            add(p, kKind, Status::pass, subject,
                d.targets.empty() ? "unknown: no federation server was found"
                                  : "unknown: its federation server is outside its domain and "
                                    "is no known provider's",
                evidence);
        }
        // FED-PARTNER-09: only SRV-discovered SIP targets (a ProxyFqdn is the admin's choice).
        if (p.protocol != PartnerProtocol::sip || d.by_proxy_fqdn || d.targets.empty()) return;
        for (const PartnerTarget& t : d.targets) {
            const std::string s = subject_base(p) + "/dns:" + t.fqdn;
            const ProviderFqdn* match = nullptr;
            for (const ProviderFqdn& candidate : list_.providers) {
                if (t.fqdn == candidate.proxy_fqdn) match = &candidate;
            }
            Evidence e{{"srv_target", t.fqdn}, {"expected", "*." + p.domain}};
            if (in_domain(t.fqdn, p.domain)) {
                add(p, kTargetDomain, Status::pass, s, t.fqdn + " is in " + p.domain, e);
            } else if (match && match->configured) {
                add(p, kTargetDomain, Status::pass, s,
                    t.fqdn + " is the ProxyFqdn of the configured hosting provider " + match->name,
                    e);
            } else if (match) {
                add(p, kTargetDomain, Status::warn, s,
                    t.fqdn + " is the federation FQDN of " + match->name +
                        ", but no hosting provider with that ProxyFqdn is configured",
                    e);
            } else {
                add(p, kTargetDomain, Status::warn, s,
                    t.fqdn + " is outside " + p.domain +
                        " and is no configured hosting "
                        "provider's ProxyFqdn",
                    e);
            }
        }
    }

    void endpoint_rules(const PartnerEntry& p, const PartnerTarget& t, const std::string& address,
                        PartnerRow& row, std::string& lowest_tls) {
        const bool xmpp = p.protocol == PartnerProtocol::xmpp;
        const std::string ep = endpoint(address, t.port);
        const std::string tcp_subject = subject_base(p) + "/tcp:" + ep;
        Evidence where{{"fqdn", t.fqdn},
                       {"ip", address},
                       {"port", std::to_string(t.port)},
                       {"transport", "tcp"}};
        const probes::TcpObservation* tcp = index_.tcp(address, t.port);
        if (!tcp) {
            add(p, kPortOpen, Status::error, tcp_subject, "no TCP probe of " + ep + " was recorded",
                where);
            return;
        }
        where.emplace_back("observed", probes::to_string(tcp->outcome));
        if (tcp->outcome == TcpOutcome::local_error) {
            add(p, kPortOpen, Status::error, tcp_subject,
                "could not probe " + ep + ": " + tcp->detail, where);
            return;
        }
        if (tcp->outcome != TcpOutcome::open) {
            add(p, kPortOpen, Status::fail, tcp_subject,
                ep + " is " + probes::to_string(tcp->outcome) +
                    (tcp->outcome == TcpOutcome::filtered ? " (no answer before the deadline)"
                                                          : ""),
                where);
            return;
        }
        add(p, kPortOpen, Status::pass, tcp_subject, ep + " is open", where);
        if (xmpp) {
            xmpp_rules(p, t, address, ep, row);
        } else {
            tls_rules(p, t, address, ep, row, lowest_tls);
        }
    }

    void tls_rules(const PartnerEntry& p, const PartnerTarget& t, const std::string& address,
                   const std::string& ep, PartnerRow& row, std::string& lowest_tls) {
        const std::string subject = subject_base(p) + "/tls:" + ep;
        Evidence where{{"fqdn", t.fqdn}, {"ip", address}, {"port", std::to_string(t.port)}};
        const probes::TlsObservation* o = index_.tls(address, t.port, t.fqdn, false);
        if (!o) {
            add(p, kHandshake, Status::error, subject, "no TLS probe of " + ep + " was recorded",
                where);
            return;
        }
        const probes::TlsObservation* legacy = index_.tls(address, t.port, t.fqdn, true);
        Evidence e = where;
        if (!o->protocol.empty()) e.emplace_back("tls_version", o->protocol);
        if (!o->error.empty()) e.emplace_back("reason", o->error);
        const bool chain_read = !o->peer_chain.empty();
        if (o->handshake_ok) {
            add(p, kHandshake, Status::pass, subject,
                "TLS handshake with " + t.fqdn + " completed (" + o->protocol + ")", e);
        } else if (o->client_cert_required_failure && chain_read) {
            add(p, kHandshake, Status::pass, subject,
                "the server asks for a client certificate (mutual TLS, as Access Edges do); its "
                "own certificate was read before that",
                e);
        } else {
            add(p, kHandshake, Status::fail, subject,
                "TLS handshake with " + t.fqdn + " at " + ep + " failed: " + o->error, e);
        }
        // FED-PARTNER-05
        Evidence v = where;
        if (!o->protocol.empty()) {
            v.emplace_back("tls_version", o->protocol);
            const bool modern = o->protocol == "TLSv1.2" || o->protocol == "TLSv1.3";
            add(p, kModernTls, modern ? Status::pass : Status::fail, subject,
                modern ? "negotiated " + o->protocol : "negotiated only " + o->protocol, v);
            if (lowest_tls.empty() || o->protocol < lowest_tls) lowest_tls = o->protocol;
        } else if (legacy && legacy->legacy_tls_accepted == true) {
            v.emplace_back("tls_version", legacy->legacy_protocol);
            add(p, kModernTls, Status::fail, subject,
                "the server refuses TLS 1.2 and 1.3 and accepts only " + legacy->legacy_protocol,
                v);
            if (lowest_tls.empty() || legacy->legacy_protocol < lowest_tls) {
                lowest_tls = legacy->legacy_protocol;
            }
        } else {
            add(p, kModernTls, Status::skip, subject,
                "no protocol was negotiated (the handshake failed)", v, "not_measured");
        }
        if (chain_read) {
            certificate_rules(p, subject, t.fqdn, o->peer_chain, where, row);
        } else {
            for (Rule r : {kCertValid, kCertNames, kCertStrength}) {
                add(p, r, Status::skip, subject, "no certificate was presented", where,
                    "not_measured");
            }
        }
    }

    void xmpp_rules(const PartnerEntry& p, const PartnerTarget& t, const std::string& address,
                    const std::string& ep, PartnerRow& row) {
        const std::string subject = subject_base(p) + "/tls:" + ep;
        Evidence where{{"fqdn", p.domain}, {"ip", address}, {"port", std::to_string(t.port)}};
        const probes::XmppObservation* o = index_.xmpp(address, t.port, p.domain);
        if (!o) {
            add(p, kHandshake, Status::error, subject, "no XMPP probe of " + ep + " was recorded",
                where);
            return;
        }
        Evidence e = where;
        e.emplace_back("observed", probes::to_string(o->outcome));
        if (!o->detail.empty()) e.emplace_back("reason", o->detail);
        if (o->outcome == probes::XmppOutcome::tls_negotiated) {
            add(p, kHandshake, Status::pass, subject,
                "STARTTLS negotiated (" + o->tls_protocol + ")", e);
        } else if (o->outcome == probes::XmppOutcome::features_read && !o->starttls_offered) {
            add(p, kHandshake, Status::fail, subject, "the server does not offer STARTTLS", e);
        } else {
            add(p, kHandshake, Status::fail, subject,
                std::string("XMPP negotiation failed: ") + probes::to_string(o->outcome) +
                    (o->detail.empty() ? "" : " (" + o->detail + ")"),
                e);
        }
        if (!o->peer_chain.empty()) {
            certificate_rules(p, subject, p.domain, o->peer_chain, where, row);
        } else {
            for (Rule r : {kCertValid, kCertNames, kCertStrength}) {
                add(p, r, Status::skip, subject, "no certificate was presented", where,
                    "not_measured");
            }
        }
    }

    void certificate_rules(const PartnerEntry& p, const std::string& subject,
                           const std::string& reference, const std::vector<probes::DerBlob>& chain,
                           const Evidence& where, PartnerRow& row) {
        certificates::VerifyOptions verify;
        verify.ca_file = settings_.ca_file;
        verify.now = settings_.now;
        certificates::CertificateChainFacts facts;
        try {
            std::vector<certificates::Der> ders(chain.begin(), chain.end());
            facts = certificates::parse_der_chain(ders, verify);
        } catch (const certificates::CertificateLoadError& e) {
            for (Rule r : {kCertValid, kCertNames, kCertStrength}) {
                add(p, r, Status::fail, subject,
                    std::string("the presented certificate cannot be read: ") + e.what(), where);
            }
            return;
        }
        const certificates::CertificateFacts& leaf = facts.leaf;
        const std::string not_after = certificates::format_utc(leaf.not_after);
        if (row.cert_not_after.empty() || not_after < row.cert_not_after) {
            row.cert_not_after = not_after;
        }
        // FED-PARTNER-06: validity and trust.
        Evidence v = where;
        v.emplace_back("cert_subject", leaf.subject_dn);
        v.emplace_back("cert_not_after", not_after);
        const auto days_left =
            std::chrono::duration_cast<std::chrono::hours>(leaf.not_after - settings_.now).count() /
            24;
        if (settings_.now > leaf.not_after) {
            add(p, kCertValid, Status::fail, subject, "the certificate expired on " + not_after, v);
        } else if (settings_.now < leaf.not_before) {
            add(p, kCertValid, Status::fail, subject,
                "the certificate is not valid before " + certificates::format_utc(leaf.not_before),
                v);
        } else if (!leaf.verification.trusted) {
            v.emplace_back("reason", leaf.verification.error);
            add(p, kCertValid, Status::fail, subject,
                "the certificate is not trusted (" + leaf.verification.error + ")", v);
        } else if (days_left <= settings_.expiry_warning_days) {
            add(p, kCertValid, Status::warn, subject,
                "the certificate expires in " + std::to_string(days_left) + " day(s), on " +
                    not_after,
                v);
        } else {
            add(p, kCertValid, Status::pass, subject, "trusted and valid until " + not_after, v);
        }
        // FED-PARTNER-07: names (SAN dNSNames; the CN only when there is no SAN, RFC 6125 6.4.4).
        std::vector<std::string> names = leaf.san_dns;
        if (names.empty() && !leaf.subject_cn.empty()) names.push_back(leaf.subject_cn);
        Evidence n = where;
        n.emplace_back("expected", reference);
        for (const std::string& name : names) n.emplace_back("cert_san", name);
        if (certificates::any_name_matches(names, reference)) {
            add(p, kCertNames, Status::pass, subject, "the certificate covers " + reference, n);
        } else {
            add(p, kCertNames, Status::fail, subject, "the certificate does not name " + reference,
                n);
        }
        // FED-PARTNER-08: key and signature strength.
        Evidence s = where;
        s.emplace_back("observed", std::string(certificates::to_string(leaf.key_type)) + " " +
                                       std::to_string(leaf.key_bits) + ", " +
                                       leaf.signature_algorithm);
        std::string weak;
        if (leaf.key_type == certificates::KeyType::rsa && leaf.key_bits < 2048) {
            weak = "an RSA key of " + std::to_string(leaf.key_bits) + " bits";
        } else if (leaf.key_type == certificates::KeyType::ec && leaf.key_bits < 256) {
            weak = "an EC key of " + std::to_string(leaf.key_bits) + " bits";
        } else if (leaf.key_type == certificates::KeyType::dsa) {
            weak = "a DSA key";
        } else if (leaf.signature_hash == "SHA1" || leaf.signature_hash == "MD5" ||
                   leaf.signature_hash == "MD4") {
            weak = "a " + leaf.signature_hash + " signature";
        }
        if (weak.empty()) {
            add(p, kCertStrength, Status::pass, subject, "key and signature are strong", s);
        } else {
            add(p, kCertStrength, Status::warn, subject, "the certificate has " + weak, s);
        }
    }

    const PartnerList& list_;
    ObservationIndex index_;
    JudgeSettings settings_;
    std::vector<Finding> findings_;
    // DNS servers that answered no query at all: their timeouts say the tool could not see
    // DNS, not that the partner's records are wrong (STYLE.md: error, not fail).
    std::set<std::string> silent_servers_;
};

}  // namespace

PartnerJudgement judge_partners(const PartnerList& list, const probes::Observations& observations,
                                const JudgeSettings& settings) {
    return Judge(list, observations, settings).run();
}

}  // namespace edgeplan::checks::partners
