#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "../report/sample_report.h"
#include "report/plan_verification.h"

namespace edgeplan::report {
namespace {

using checks::Status;

// One row per way a finding refers (or does not refer) to a plan row of the sample plan.
struct Row {
    const char* name;
    checks::Finding finding;
    std::function<FindingRefs(const Report&)> lookup;
    bool matches;
};

void PrintTo(const Row& row, std::ostream* os) { *os << row.name; }

checks::Finding finding(const std::string& id, const std::string& subject,
                        checks::Evidence evidence = {}) {
    return testing::sample_finding(id, Status::pass, subject, "m", std::move(evidence), {});
}

FindingRefs dns(const Report& r, std::size_t i) { return findings_for(r, r.plan.dns[i]); }
FindingRefs firewall(const Report& r, std::size_t i) { return findings_for(r, r.plan.firewall[i]); }
FindingRefs cert(const Report& r, std::size_t i) { return findings_for(r, r.plan.certificates[i]); }

class PlanVerification : public ::testing::TestWithParam<Row> {};

// NET-10 is an offline check: its findings with an ip evidence are facts about an address.
Report report_with(const checks::Finding& f) {
    Report r;
    r.plan = testing::sample_plan();
    const checks::CheckInfo net10 = testing::sample_info("NET-10", checks::Severity::must, "fix");
    r.catalogue.emplace(catalogue_key(net10), net10);
    r.findings.push_back(f);
    return r;
}

TEST_P(PlanVerification, MatchesFindingToRow) {
    const Report r = report_with(GetParam().finding);
    EXPECT_EQ(!GetParam().lookup(r).empty(), GetParam().matches);
}

INSTANTIATE_TEST_SUITE_P(
    Rows, PlanVerification,
    ::testing::Values(
        Row{"match_dns_subject", finding("X", "dns:sip.contoso.com/A"),
            [](const Report& r) { return dns(r, 0); }, true},
        Row{"no_match_dns_other_type", finding("X", "dns:sip.contoso.com/AAAA"),
            [](const Report& r) { return dns(r, 0); }, false},
        Row{"match_dns_rule_with_fqdn_evidence",
            finding("DNS-A-EXT-01", "domain:contoso.com", {{"fqdn", "SIP.contoso.com."}}),
            [](const Report& r) { return dns(r, 0); }, true},
        Row{"no_match_dns_fqdn_of_other_rule",
            finding("DNS-A-INT-01", "domain:contoso.com", {{"fqdn", "sip.contoso.com"}}),
            [](const Report& r) { return dns(r, 0); }, false},
        Row{"match_dns_offline_fact_about_its_address",
            finding("NET-10", "pool:edgepool", {{"ip", "131.107.155.10"}}),
            [](const Report& r) { return dns(r, 0); }, true},
        Row{"match_dns_offline_finding_about_this_record",
            finding("NET-10", "plan:sip.contoso.com/A=131.107.155.10", {{"ip", "131.107.155.10"}}),
            [](const Report& r) { return dns(r, 0); }, true},
        Row{"no_match_dns_offline_finding_about_another_record_of_the_address",
            finding("NET-10", "plan:av.contoso.com/A=131.107.155.10", {{"ip", "131.107.155.10"}}),
            [](const Report& r) { return dns(r, 0); }, false},
        Row{"match_firewall_rule_with_ip_and_port_evidence",
            finding("PORT-EXT-05", "domain:contoso.com",
                    {{"ip", "131.107.155.10"}, {"port", "443"}}),
            [](const Report& r) { return firewall(r, 0); }, true},
        Row{"no_match_ip_and_port_evidence_of_another_rule",
            finding("PORT-EXT-06", "domain:contoso.com",
                    {{"ip", "131.107.155.10"}, {"port", "443"}}),
            [](const Report& r) { return firewall(r, 0); }, false},
        Row{"match_tcp_endpoint", finding("X", "tcp:131.107.155.10:443"),
            [](const Report& r) { return firewall(r, 0); }, true},
        Row{"match_tls_endpoint_as_tcp", finding("X", "tls:131.107.155.10:443"),
            [](const Report& r) { return firewall(r, 0); }, true},
        Row{"no_match_udp_endpoint_on_tcp_rule", finding("X", "udp:131.107.155.10:443"),
            [](const Report& r) { return firewall(r, 0); }, false},
        Row{"match_udp_port_in_range_ipv6", finding("X", "udp:2001:db8::30:50010"),
            [](const Report& r) { return firewall(r, 1); }, true},
        Row{"no_match_port_outside_range", finding("X", "udp:131.107.155.30:60000"),
            [](const Report& r) { return firewall(r, 1); }, false},
        Row{"match_rule_on_its_pool", finding("PORT-EXT-12", "pool:edgepool"),
            [](const Report& r) { return firewall(r, 1); }, true},
        Row{"match_cert_subject", finding("X", "cert:edgepool/internal"),
            [](const Report& r) { return cert(r, 1); }, true},
        Row{"match_cert_rule_with_san_evidence",
            finding("CERT-EXT-01", "file:certs/edge.pfx", {{"cert_san", "webcon.contoso.com"}}),
            [](const Report& r) { return cert(r, 0); }, true},
        Row{"no_match_cert_san_not_planned",
            finding("CERT-EXT-01", "file:certs/edge.pfx", {{"cert_san", "other.contoso.com"}}),
            [](const Report& r) { return cert(r, 0); }, false},
        Row{"match_unknown", finding("TOPO-NAT-01", "member:edge01.contoso.net"),
            [](const Report& r) { return findings_for(r, r.plan.unknowns[0]); }, true}),
    [](const auto& p) { return std::string(p.param.name); });

// NET-10 names a record as the plan writes it; a trailing dot must not cut the row off its finding.
TEST(PlanVerificationRecordNames, RecordWithTrailingDotKeepsItsOwnFinding) {
    Report r = report_with(
        finding("NET-10", "plan:sip.contoso.com./A=131.107.155.10", {{"ip", "131.107.155.10"}}));
    r.plan.dns[0].name = "sip.contoso.com.";
    EXPECT_EQ(dns(r, 0), FindingRefs{0});
}

// A certificate's rule is asked for the names of its findings or for the certificate's names,
// whichever list is shorter: both ways find the same rows.
TEST(PlanVerificationCertificateNames, FindingsWithMoreNamesThanTheCertificateStillMatch) {
    checks::Evidence many;
    for (int i = 0; i < 40; ++i) many.emplace_back("cert_san", "n" + std::to_string(i) + ".test");
    checks::Evidence with_planned = many;
    with_planned.emplace_back("cert_san", "WEBCON.contoso.com.");
    Report r = report_with(finding("CERT-EXT-01", "file:certs/other.pfx", many));
    r.findings.push_back(finding("CERT-EXT-01", "file:certs/edge.pfx", with_planned));
    r.findings.push_back(finding("CERT-EXT-02", "file:certs/edge.pfx", with_planned));
    ASSERT_LT(r.plan.certificates[0].sans.size(), 40U);
    EXPECT_EQ(cert(r, 0), FindingRefs{1});
    r.plan.certificates[0].sans.clear();
    for (int i = 0; i < 60; ++i) r.plan.certificates[0].sans.emplace_back("x" + std::to_string(i));
    r.plan.certificates[0].sans.push_back("webcon.contoso.com");
    EXPECT_EQ(cert(r, 0), FindingRefs{1});
}

}  // namespace
}  // namespace edgeplan::report
