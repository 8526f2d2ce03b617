// report/plan_diff.h: identities and classification, one row per outcome (docs/diff-format.md).
#include "report/plan_diff.h"

#include <gtest/gtest.h>

#include <functional>
#include <sstream>

#include "app/exit_codes.h"
#include "app/gate.h"
#include "report/diff_renderer.h"
#include "report/diff_sections.h"

namespace edgeplan::report {
namespace {

using checks::Status;
using topology::Plan;

topology::DnsRecord a_record(const std::string& name, const std::string& ip) {
    topology::DnsRecord r;
    r.name = name;
    r.value = ip;
    r.rule = "DNS-A-EXT-01";
    return r;
}

topology::FirewallRule rule(int port, const std::string& destination_ip) {
    topology::FirewallRule r;
    r.port_from = r.port_to = port;
    r.rule = "PORT-EXT-05";
    r.pool_id = "edgepool";
    r.destination = {"Access Edge external IP", {destination_ip}};
    r.probe_addresses = {destination_ip};
    return r;
}

topology::CertificateRequest cert(std::vector<std::string> sans,
                                  std::vector<topology::ExtendedKeyUsage> ekus) {
    topology::CertificateRequest c;
    c.pool_id = "edgepool";
    c.subject = sans.front();
    c.sans.assign(sans.begin(), sans.end());
    c.ekus = std::move(ekus);
    return c;
}

checks::Finding finding(const std::string& id, Status status) {
    checks::Finding f;
    f.check_id = id;
    f.subject = "pool:edgepool";
    f.status = status;
    f.message = id + " message";
    return f;
}

Plan base_plan() {
    Plan p;
    p.dns = {a_record("sip.contoso.com", "203.0.113.1")};
    p.firewall = {rule(5061, "203.0.113.1")};
    p.certificates = {
        cert({"sip.contoso.com", "webcon.contoso.com"}, {topology::ExtendedKeyUsage::server_auth})};
    return p;
}

struct DiffRow {
    std::string name;  // starts with what the diff must show
    std::function<void(Plan&, std::vector<checks::Finding>&)> change;  // applied to NEW
    std::function<void(const Diff&)> expect;
    int exit_code = 0;  // app::exit_code_for(diff, fail_on_warn = false)
};

TEST(PlanDiff, OneRowPerOutcome) {
    const std::vector<checks::Finding> old_findings{finding("NET-04", Status::pass),
                                                    finding("XMPP-13", Status::warn),
                                                    finding("FED-05", Status::fail)};
    const std::vector<DiffRow> rows{
        {"nothing - identical inputs", nullptr,
         [](const Diff& d) {
             EXPECT_FALSE(d.plan_changed());
             EXPECT_TRUE(d.findings_new.empty());
             EXPECT_TRUE(d.findings_resolved.empty());
             EXPECT_EQ(d.findings_unchanged, 2);
         }},
        {"dns added and removed - an address changed",
         [](Plan& p, auto&) { p.dns[0].value = "198.51.100.1"; },
         [](const Diff& d) {
             ASSERT_EQ(d.dns_added.size(), 1u);
             ASSERT_EQ(d.dns_removed.size(), 1u);
             EXPECT_EQ(d.dns_added[0].value, "198.51.100.1");
             EXPECT_EQ(d.dns_removed[0].value, "203.0.113.1");
         }},
        {"dns nothing - only the purpose text changed",
         [](Plan& p, auto&) { p.dns[0].purpose = "reworded"; },
         [](const Diff& d) { EXPECT_FALSE(d.plan_changed()); }},
        {"firewall changed - same rule, other destination address",
         [](Plan& p, auto&) { p.firewall[0] = rule(5061, "198.51.100.1"); },
         [](const Diff& d) {
             ASSERT_EQ(d.firewall_changed.size(), 1u);
             EXPECT_TRUE(d.firewall_added.empty());
             EXPECT_EQ(d.firewall_changed[0].destination.added,
                       std::vector<std::string>{"198.51.100.1"});
             EXPECT_EQ(d.firewall_changed[0].destination.removed,
                       std::vector<std::string>{"203.0.113.1"});
             EXPECT_FALSE(d.firewall_changed[0].probe.empty());
             EXPECT_TRUE(d.firewall_changed[0].source.empty());
         }},
        {"firewall added and removed - the port changed",
         [](Plan& p, auto&) { p.firewall[0] = rule(443, "203.0.113.1"); },
         [](const Diff& d) {
             ASSERT_EQ(d.firewall_added.size(), 1u);
             ASSERT_EQ(d.firewall_removed.size(), 1u);
             EXPECT_EQ(d.firewall_added[0].port_from, 443);
         }},
        {"certificate changed - a SAN and an EKU differ",
         [](Plan& p, auto&) {
             p.certificates[0] = cert({"sip.contoso.com", "xmpp.contoso.com"},
                                      {topology::ExtendedKeyUsage::server_auth,
                                       topology::ExtendedKeyUsage::client_auth});
         },
         [](const Diff& d) {
             ASSERT_EQ(d.certificates_changed.size(), 1u);
             const CertificateChange& c = d.certificates_changed[0];
             EXPECT_EQ(c.sans.added, std::vector<std::string>{"xmpp.contoso.com"});
             EXPECT_EQ(c.sans.removed, std::vector<std::string>{"webcon.contoso.com"});
             EXPECT_EQ(c.ekus.added, std::vector<std::string>{"clientAuth"});
             EXPECT_TRUE(c.ekus.removed.empty());
         }},
        {"certificate added - a second pool",
         [](Plan& p, auto&) {
             p.certificates.push_back(p.certificates[0]);
             p.certificates.back().pool_id = "edgepool2";
         },
         [](const Diff& d) {
             ASSERT_EQ(d.certificates_added.size(), 1u);
             EXPECT_EQ(d.certificates_added[0].pool_id, "edgepool2");
         }},
        {"new failure - a pass became a failure",
         [](Plan&, auto& f) { f[0].status = Status::fail; },
         [](const Diff& d) {
             ASSERT_EQ(d.findings_new.size(), 1u);
             EXPECT_EQ(d.findings_new[0].check_id, "NET-04");
             EXPECT_EQ(d.findings_new[0].before, Status::pass);
             EXPECT_EQ(d.findings_new[0].after, Status::fail);
         },
         app::exit_findings},
        {"new warning - a pass became a warning (exit 0 without --fail-on warn)",
         [](Plan&, auto& f) { f[0].status = Status::warn; },
         [](const Diff& d) { ASSERT_EQ(d.findings_new.size(), 1u); }},
        {"new failure - a warning became a failure",
         [](Plan&, auto& f) { f[1].status = Status::fail; },
         [](const Diff& d) {
             ASSERT_EQ(d.findings_new.size(), 1u);
             EXPECT_EQ(d.findings_new[0].before, Status::warn);
         },
         app::exit_findings},
        {"new failure - a finding absent before",
         [](Plan&, auto& f) { f.push_back(finding("TOPO-05", Status::fail)); },
         [](const Diff& d) {
             ASSERT_EQ(d.findings_new.size(), 1u);
             EXPECT_FALSE(d.findings_new[0].before.has_value());
         },
         app::exit_findings},
        {"resolved - a failure passes now", [](Plan&, auto& f) { f[2].status = Status::pass; },
         [](const Diff& d) {
             ASSERT_EQ(d.findings_resolved.size(), 1u);
             EXPECT_EQ(d.findings_resolved[0].check_id, "FED-05");
             EXPECT_EQ(d.findings_unchanged, 1);
         }},
        {"resolved - a failing finding disappeared", [](Plan&, auto& f) { f.pop_back(); },
         [](const Diff& d) {
             ASSERT_EQ(d.findings_resolved.size(), 1u);
             EXPECT_FALSE(d.findings_resolved[0].after.has_value());
             EXPECT_EQ(d.findings_resolved[0].message, "FED-05 message");
         }},
    };
    for (const DiffRow& row : rows) {
        SCOPED_TRACE(row.name);
        Plan new_plan = base_plan();
        std::vector<checks::Finding> new_findings = old_findings;
        if (row.change) row.change(new_plan, new_findings);
        const Diff d = diff_plans(base_plan(), old_findings, new_plan, new_findings);
        row.expect(d);
        EXPECT_EQ(app::exit_code_for(d, false), row.exit_code);
    }
}

TEST(PlanDiff, WarningsFailTheDiffWithFailOnWarn) {
    std::vector<checks::Finding> after{finding("NET-04", Status::warn)};
    const Diff d = diff_plans(base_plan(), {finding("NET-04", Status::pass)}, base_plan(), after);
    EXPECT_EQ(app::exit_code_for(d, false), app::exit_ok);
    EXPECT_EQ(app::exit_code_for(d, true), app::exit_findings);
}

// An internal rule's probe addresses restate its destination (the Edge internal interface):
// they change with it or not at all, and alone they are no firewall change. On the external
// side they are the public (NAT) addresses the firewall publishes, and they count.
TEST(PlanDiff, InternalProbeTargetsAreNoFirewallChange) {
    Plan before = base_plan();
    before.firewall.push_back(rule(5061, "10.0.0.5"));
    before.firewall.back().side = topology::FirewallSide::internal;
    Plan internal_only = before;
    internal_only.firewall.back().probe_addresses = {"10.0.0.6"};
    EXPECT_TRUE(diff_plans(before, {}, internal_only, {}).firewall_changed.empty());
    Plan external = before;
    external.firewall.front().probe_addresses = {"198.51.100.9"};
    const Diff d = diff_plans(before, {}, external, {});
    ASSERT_EQ(d.firewall_changed.size(), 1u);
    EXPECT_EQ(d.firewall_changed[0].probe.added, std::vector<std::string>{"198.51.100.9"});
}

DeclaredCertificate declared(std::vector<std::string> sans, std::vector<std::string> ekus,
                             std::string not_after) {
    DeclaredCertificate c;
    c.pool_id = "edgepool";
    c.file = "certs/edge.pem";
    c.subject = sans.front();
    c.sans.assign(sans.begin(), sans.end());
    c.ekus = std::move(ekus);
    c.not_after = std::move(not_after);
    return c;
}

TEST(PlanDiff, DeclaredCertificateChangesShowInTheCertificatesSection) {
    const DeclaredCertificate old_cert =
        declared({"sip.contoso.com", "webcon.contoso.com"}, {"serverAuth", "clientAuth"},
                 "2026-12-01T00:00:00Z");
    const DeclaredCertificate renewed =
        declared({"sip.contoso.com"}, {"serverAuth"}, "2027-12-01T00:00:00Z");
    const Diff d = diff_plans(base_plan(), {}, base_plan(), {}, {old_cert}, {renewed});
    ASSERT_EQ(d.declared_changed.size(), 1u);
    EXPECT_EQ(d.declared_changed[0].sans.removed, std::vector<std::string>{"webcon.contoso.com"});
    EXPECT_EQ(d.declared_changed[0].ekus.removed, std::vector<std::string>{"clientAuth"});
    EXPECT_TRUE(d.plan_changed());
    const DiffSection certificates = diff_sections(d)[2];
    ASSERT_EQ(certificates.title, "Certificates");
    ASSERT_EQ(certificates.rows.size(), 1u);
    const std::vector<std::string> row = certificates.rows[0];
    EXPECT_EQ(row[3], "declared");
    EXPECT_EQ(row[5],
              "SAN -webcon.contoso.com; EKU -clientAuth; expires 2026-12-01T00:00:00Z -> "
              "2027-12-01T00:00:00Z");
    // The same certificate on both sides: no change; one side only: added or removed.
    EXPECT_TRUE(diff_plans(base_plan(), {}, base_plan(), {}, {old_cert}, {old_cert})
                    .declared_changed.empty());
    EXPECT_EQ(diff_plans(base_plan(), {}, base_plan(), {}, {}, {renewed}).declared_added.size(),
              1u);
}

TEST(DiffText, NoChangeHasNoTableHeader) {
    DiffReport r;
    r.diff = diff_plans(base_plan(), {}, base_plan(), {});
    std::ostringstream out;
    render_diff_text(r, out);
    EXPECT_NE(out.str().find("  (no change)\n\n"), std::string::npos) << out.str();
    EXPECT_EQ(out.str().find("CHANGE"), std::string::npos) << out.str();
}

// Markdown for a pull request: strings from a topology stay text (no link, no HTML, no cell
// break); an unchanged section is one sentence, not an empty table.
TEST(DiffMarkdown, EscapesTopologyStringsAndSkipsEmptyTables) {
    Plan after = base_plan();
    after.dns.push_back(
        a_record("<img src=x onerror=alert(1)>|[x](javascript:alert(1))", "1.2.3.4"));
    DiffReport r;
    r.inputs.push_back({"new-topology", "a*b*_c_.xml", "", "edgeplan"});
    r.diff = diff_plans(base_plan(), {}, after, {});
    std::ostringstream out;
    render_diff_markdown(r, out);
    const std::string md = out.str();
    EXPECT_EQ(md.find("<img"), std::string::npos) << md;
    EXPECT_NE(
        md.find("&lt;img src=x onerror=alert\\(1\\)&gt;\\|\\[x\\]\\(javascript:alert\\(1\\)\\)"),
        std::string::npos)
        << md;
    EXPECT_NE(md.find("a\\*b\\*\\_c\\_.xml"), std::string::npos) << md;
    EXPECT_NE(md.find("#### Firewall rules\n\nNo change.\n"), std::string::npos) << md;
    EXPECT_NE(md.find("| CHANGE | ZONE |"), std::string::npos) << md;
}

}  // namespace
}  // namespace edgeplan::report
