#pragma once
// Which findings are about which plan row, so the HTML plan tables can say what was verified
// (docs/ci-integration.md "HTML"). Matching uses only the canonical subjects (docs/subjects.md)
// and evidence keys (docs/evidence.md); a row no finding refers to is "not probed".
#include <vector>

#include "report/report.h"

namespace edgeplan::report {

// Indexes into report.findings, in report order.
using FindingRefs = std::vector<std::size_t>;

// A DNS record: subject "dns:<name>/<TYPE>"; or the record's rule as check ID with evidence
// fqdn = name, or subject "pool:<pool_id>".
FindingRefs findings_for(const Report& report, const topology::DnsRecord& record);
// A firewall rule: subject "tcp|udp|tls:<ip>:<port>" with the rule's transport (tls = tcp), an
// address it protects and a port in its range; or the rule's own check ID with evidence ip and
// port inside it, or subject "pool:<pool_id>".
FindingRefs findings_for(const Report& report, const topology::FirewallRule& rule);
// A certificate: subject "cert:<pool_id>/<use>"; or one of its rules as check ID with evidence
// cert_subject or cert_san naming one of its names.
FindingRefs findings_for(const Report& report, const topology::CertificateRequest& cert);
// An unknown: its rule as check ID and its subject.
FindingRefs findings_for(const Report& report, const topology::Unknown& unknown);

}  // namespace edgeplan::report
