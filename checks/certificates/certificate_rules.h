#pragma once
// The certificate rules as pure functions of what a certificate shows (CertificateFacts) and what
// the plan expects of it. The same functions judge a file before installation (`--cert FILE`,
// the topology's <Certificate file=...>) and a chain read from a live TLS or XMPP endpoint; the
// caller names the subject (file:..., tls:ADDR:PORT, xmpp:ADDR:PORT).
//
// Catalogue rows: CERT-EXT-01..05, 08, 09, 10, 13, 16, CERT-XMPP-01/03, CERT-INT-01..05,
// CERT-CROSS-01. Rows without a catalogue entry: CERT-EXT-20 (key strength, NIST SP 800-57 /
// CA/B Forum BR 6.1.5) and CERT-EXT-21 (signature hash, CA/B Forum BR 7.1.3.2).
#include <chrono>
#include <string>
#include <vector>

#include "checks/certificates/certificate_facts.h"
#include "checks/finding.h"
#include "topology/model.h"
#include "topology/plan.h"

namespace edgeplan::checks::certificates {

// What the plan expects of one certificate, with each name in its role (the plan's SAN list is
// flat; the rules need to know which entry is the Web Conferencing FQDN and which a SIP domain).
struct CertificateExpectation {
    topology::CertificateUse use = topology::CertificateUse::external;
    std::string pool_id;
    std::string subject;                    // Access Edge FQDN (external) / internal FQDN
    std::string webconf_fqdn;               // external only; empty when unknown
    std::vector<std::string> sip_domains;   // SIP domains (the rule looks for sip.<domain>)
    std::vector<std::string> xmpp_domains;  // XMPP domains carried by this pool (CERT-XMPP-01)
    bool server_auth = true;
    bool client_auth = false;  // AOL public IM (CERT-EXT-10)
    bool public_ca = false;
};

// The expectation for one plan request, with the roles taken from the model's pool and domains.
CertificateExpectation expectation_for(const topology::Model& model,
                                       const topology::CertificateRequest& request);

struct RuleOptions {
    Clock::time_point now = Clock::now();  // the run's clock (`--now`)
    int expiry_warning_days = 30;          // CERT-EXT-16: warn at or below this many days left
};

struct RuleResult {
    std::string rule_id;           // catalogue_id(rule), for reports
    Status status = Status::pass;  // pass, warn, fail, or skip (with skip_reason)
    std::string message;
    Evidence evidence;
    std::string skip_reason;
    topology::CertificateRule rule = topology::CertificateRule::public_ca;  // rule_id labels it
};

// Every rule that applies to the certificate's use, in rule-ID order; rules that cannot apply
// (no XMPP domain, no AOL) come back as skip with reason not_applicable, so a report shows what
// was verified.
std::vector<RuleResult> evaluate_certificate(const CertificateChainFacts& chain,
                                             const CertificateExpectation& expected,
                                             const RuleOptions& options);

// CERT-EXT-13 (external) / CERT-INT-05 (internal): every pool member presents the same
// certificate. `members` pairs a member label (address or FQDN) with what it presented.
struct MemberCertificate {
    std::string member;
    CertificateFacts facts;
};
RuleResult evaluate_same_certificate(topology::CertificateUse use,
                                     const std::vector<MemberCertificate>& members);

// CERT-CROSS-01: every external FQDN the topology names for the pool has a DNS record and is on
// the certificate. `resolved` lists the FQDNs that DNS answered with at least one address.
RuleResult evaluate_cross_names(const CertificateFacts& facts,
                                const CertificateExpectation& expected,
                                const std::vector<std::string>& resolved);

}  // namespace edgeplan::checks::certificates
