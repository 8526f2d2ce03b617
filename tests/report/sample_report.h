#pragma once
// Reports built in code for the renderer tests: a plan with records, rules, certificates and an
// unknown of every kind, and one finding of every status, with evidence, skip reasons, unicode,
// `<script>` and a terminal escape in the strings.
#include <string>

#include "report/report.h"

namespace edgeplan::report::testing {

inline checks::CheckInfo sample_info(const std::string& id, checks::Severity severity,
                                     const std::string& remediation) {
    checks::CheckInfo info;
    info.id = id;
    info.title = "Requirement of " + id;
    info.area = "dns";
    info.kind = checks::CheckKind::offline;
    info.severity = severity;
    info.scenarios = {"S1", "FED"};
    info.citations = {{"CR-EXT", "lync-server-2013-certificate-requirements.md"},
                      {"DS-S1", "lync-server-2013-dns-requirements.md"}};
    info.remediation = remediation;
    return info;
}

inline checks::Finding sample_finding(const std::string& id, checks::Status status,
                                      const std::string& subject, const std::string& message,
                                      checks::Evidence evidence, topology::SourceLocation where) {
    checks::Finding f;
    f.check_id = id;
    f.status = status;
    f.subject = subject;
    f.message = message;
    f.evidence = std::move(evidence);
    f.where = std::move(where);
    return f;
}

inline topology::Plan sample_plan() {
    using namespace topology;
    Plan plan;
    DnsRecord a;
    a.zone_kind = DnsZoneKind::external;
    a.zone = "contoso.com";
    a.name = "sip.contoso.com";
    a.type = DnsRecordType::a;
    a.value = "131.107.155.10";
    a.purpose = "Access Edge external interface";
    a.rule = "DNS-A-EXT-01";
    a.pool_id = "edgepool";
    a.where = {"topology.xml", 12, 5};
    plan.dns.push_back(a);

    DnsRecord srv;
    srv.zone_kind = DnsZoneKind::external;
    srv.zone = "contoso.com";
    srv.name = "_sipfederationtls._tcp.contoso.com";
    srv.type = DnsRecordType::srv;
    srv.value = "sip.contoso.com";
    srv.priority = 10;
    srv.weight = 20;
    srv.port = 5061;
    srv.purpose = "federation discovery";
    srv.rule = "DNS-SRV-FED-01";
    srv.where = {"topology.xml", 0, 0};  // file known, position not
    plan.dns.push_back(srv);

    DnsRecord internal;
    internal.zone_kind = DnsZoneKind::internal;
    internal.zone = "contoso.net";
    internal.name = "edgeint.contoso.net";
    internal.type = DnsRecordType::aaaa;
    internal.value = "2001:db8::10";
    internal.purpose = "Edge internal interface (Zürich — 東京)";
    internal.rule = "DNS-A-INT-01";
    plan.dns.push_back(internal);  // no location at all

    FirewallRule https;
    https.row = "X5";
    https.side = FirewallSide::external;
    https.direction = Direction::inbound;
    https.transport = Transport::tcp;
    https.port_from = https.port_to = 443;
    https.source = {"Any", {}};
    https.destination = {"Access Edge public IP", {"131.107.155.10"}};
    https.probe_addresses = {"131.107.155.10"};
    https.protocol = "SIP/TLS";
    https.purpose = "client access";
    https.rule = "PORT-EXT-05";
    https.pool_id = "edgepool";
    https.where = {"topology.xml", 20, 3};
    plan.firewall.push_back(https);

    FirewallRule media = https;
    media.row = "X12";
    media.transport = Transport::udp;
    media.port_from = 50000;
    media.port_to = 59999;
    media.destination = {"A/V Edge public IP", {"131.107.155.30", "2001:db8::30"}};
    media.protocol = "RTP";
    media.purpose = "media";
    media.rule = "PORT-EXT-12";
    plan.firewall.push_back(media);

    FirewallRule outbound;
    outbound.row = "I2";
    outbound.side = FirewallSide::internal;
    outbound.direction = Direction::outbound;
    outbound.port_from = outbound.port_to = 5061;
    outbound.source = {"Edge internal interface", {"10.0.0.10"}};
    outbound.destination = {"Director pool", {"10.0.1.5"}};
    outbound.protocol = "SIP/MTLS";
    outbound.purpose = "<script>alert(1)</script>";
    outbound.rule = "PORT-INT-02";
    plan.firewall.push_back(outbound);

    CertificateRequest ext;
    ext.pool_id = "edgepool";
    ext.use = CertificateUse::external;
    ext.subject = "sip.contoso.com";
    ext.sans = {"sip.contoso.com", "webcon.contoso.com", "sip.fabrikam.com"};
    ext.ekus = {ExtendedKeyUsage::server_auth, ExtendedKeyUsage::client_auth};
    ext.exportable_key = true;
    ext.public_ca = true;
    ext.assigned_to = {"Access Edge External", "Web Conferencing Edge External"};
    ext.rules = {"CERT-EXT-01", "CERT-EXT-12"};
    ext.where = {"topology.xml", 30, 7};
    plan.certificates.push_back(ext);

    CertificateRequest internal_cert;
    internal_cert.pool_id = "edgepool";
    internal_cert.use = CertificateUse::internal;
    internal_cert.subject = "edgeint.contoso.net";
    internal_cert.sans = {"edgeint.contoso.net"};
    internal_cert.ekus = {ExtendedKeyUsage::server_auth};
    internal_cert.rules = {"CERT-INT-01"};
    plan.certificates.push_back(internal_cert);

    Unknown unknown;
    unknown.what = "public address of the A/V Edge on edge01.contoso.net";
    unknown.rule = "TOPO-NAT-01";
    unknown.subject = "member:edge01.contoso.net";
    unknown.where = {"topology.xml", 41, 9};
    plan.unknowns.push_back(unknown);
    return plan;
}

// One finding of each status, sorted by (check ID, subject) as the runner sorts them.
inline Report sample_report() {
    using checks::Severity;
    using checks::Status;
    Report r;
    r.tool_version = "0.1.0";
    r.command = "check";
    r.started_at = "2024-05-01T10:00:00Z";
    r.now = "2024-05-01";
    r.inputs = {{"topology", "samples/contoso/topology.xml", std::string(64, 'a'), "edgeplan"},
                {"settings", "settings.xml", "", "edgeplan-settings"}};
    r.options = {{"command_line", "edgeplan check --now 2024-05-01"},
                 {"output", "json=a.json"},
                 {"output", "text=a.txt"}};
    r.plan = sample_plan();

    r.findings.push_back(
        sample_finding("CERT-EXT-01", Status::fail, "file:certs/edge.pfx",
                       "certificate chains to a private CA <script>alert(1)</script>",
                       {{"observed", "CN=Contoso Root"},
                        {"expected", "public CA"},
                        {"cert_san", "sip.contoso.com"}},
                       {"topology.xml", 30, 7}));
    r.findings.push_back(sample_finding(
        "DNS-A-EXT-01", Status::pass, "dns:sip.contoso.com/A", "record planned",
        {{"fqdn", "sip.contoso.com"}, {"ip", "131.107.155.10"}}, {"topology.xml", 12, 5}));
    r.findings.push_back(sample_finding("DNS-SRV-FED-01", Status::warn,
                                        "dns:_sipfederationtls._tcp.contoso.com/SRV",
                                        "SRV weight differs: Zürich — 東京",
                                        {{"srv_target", "sip.contoso.com"}, {"port", "5061"}}, {}));
    checks::Finding skip = sample_finding("PORT-EXT-12", Status::skip, "pool:edgepool",
                                          "no A/V Edge in this topology", {}, {});
    skip.skip_reason = "not_applicable";
    r.findings.push_back(skip);
    r.findings.push_back(sample_finding("TOPO-NAT-01", Status::error,
                                        "member:edge01.contoso.net\x1b[2J", "probe backend failed",
                                        {{"observed", "timeout\x07"}}, {}));

    r.catalogue["CERT-EXT-01"] = sample_info("CERT-EXT-01", Severity::must,
                                             "Request the external certificate from a public CA.");
    r.catalogue["DNS-A-EXT-01"] =
        sample_info("DNS-A-EXT-01", Severity::must, "Publish the A record in the external zone.");
    r.catalogue["DNS-SRV-FED-01"] =
        sample_info("DNS-SRV-FED-01", Severity::should,
                    "Point the federation SRV at the Access Edge, port 5061.");
    r.catalogue["PORT-EXT-12"] =
        sample_info("PORT-EXT-12", Severity::must, "Open UDP 50000-59999 to the A/V Edge.");
    r.catalogue["TOPO-NAT-01"] =
        sample_info("TOPO-NAT-01", Severity::must, "State the public address of every NATed Edge.");
    return r;
}

}  // namespace edgeplan::report::testing
