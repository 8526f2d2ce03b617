// One case per reference layout S1..S5 (catalogue section 0.3): DNS from table T3-C (plus the
// rows it says to repeat per SIP domain and T3-B where the page has it), firewall rows from
// tables 2.2/2.3 with PS-S5's node/VIP split, certificates from T1-D.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "tests/plan/plan_views.h"
#include "tests/plan/reference_models.h"
#include "topology/plan.h"

namespace edgeplan::testing {
namespace {

struct LayoutCase {
    const char* name;
    Layout layout;
    bool xmpp;  // DS-S5 has no XMPP table, so S5 is built without XMPP
    // T3-C columns: last octets of 131.107.155.x for sip/webcon/av, 172.25.33.x for lsedge.
    std::vector<std::string> access, webconf, av, internal_pool;
    // DNS-INT-01 member records beyond the pool record ("fqdn ip").
    std::vector<std::string> members;
    std::vector<std::string> rows;  // firewall rows expected, catalogue labels
    bool pool_key_exportable;       // internal certificate (CERT-INT-05)
};

const std::vector<std::string> every_non_hlb_row = {
    "X1",  "X1b", "X2", "X3", "X4", "X5", "X6", "X7", "X8", "X9", "X14", "X15",
    "X16", "I1",  "I2", "I3", "I4", "I5", "I6", "I7", "I8", "I9", "I10", "I11"};

const LayoutCase layout_cases[] = {
    {"pass_S1_single_public",
     Layout::s1,
     true,
     {"10"},
     {"20"},
     {"30"},
     {"10"},
     {},
     every_non_hlb_row,
     false},
    {"pass_S2_single_nat",
     Layout::s2,
     true,
     {"10"},
     {"20"},
     {"30"},
     {"10"},
     {},
     every_non_hlb_row,
     false},
    {"pass_S3_dns_lb_public",
     Layout::s3,
     true,
     {"10", "11"},
     {"20", "21"},
     {"30", "31"},
     {"10", "11"},
     {"edge01.contoso.net 172.25.33.10", "edge02.contoso.net 172.25.33.11"},
     every_non_hlb_row,
     true},
    {"pass_S4_dns_lb_nat",
     Layout::s4,
     true,
     {"10", "11"},
     {"20", "21"},
     {"30", "31"},
     {"10", "11"},
     {"edge01.contoso.net 172.25.33.10", "edge02.contoso.net 172.25.33.11"},
     every_non_hlb_row,
     true},
    {"pass_S5_hardware_lb",
     Layout::s5,
     false,
     {"10"},
     {"20"},
     {"30"},
     {"10"},
     {"edge01.contoso.net 172.25.33.11", "edge02.contoso.net 172.25.33.12"},
     {"X2", "X3", "X4", "X9", "X14", "X15", "X16", "V3", "V4",  "V5",  "V6",  "V7",  "V8",
      "I4", "I6", "I7", "I8", "I9",  "I10", "I11", "V9", "V10", "V11", "V12", "V13", "V14"},
     true},
};

class ReferenceLayout : public ::testing::TestWithParam<LayoutCase> {};

std::set<std::string> expected_dns(const LayoutCase& c) {
    std::set<std::string> out;
    auto a = [&](const std::string& name, const std::vector<std::string>& octets) {
        for (const std::string& o : octets) out.insert("external " + name + " A 131.107.155." + o);
    };
    a("sip.contoso.com", c.access);
    a("sip.fabrikam.com", c.access);
    a("webcon.contoso.com", c.webconf);
    a("av.contoso.com", c.av);
    for (const std::string d : {"contoso.com", "fabrikam.com"}) {
        out.insert("external _sip._tls." + d + " SRV 443 sip." + d);
        out.insert("external _sipfederationtls._tcp." + d + " SRV 5061 sip." + d);
    }
    if (c.xmpp) {
        out.insert("external _xmpp-server._tcp.contoso.com SRV 5269 xmpp.contoso.com");
        a("xmpp.contoso.com", c.access);
    }
    for (const std::string& o : c.internal_pool) {
        out.insert("internal lsedge.contoso.net A 172.25.33." + o);
    }
    for (const std::string& m : c.members) {
        out.insert("internal " + m.substr(0, m.find(' ')) + " A" + m.substr(m.find(' ')));
    }
    return out;
}

TEST_P(ReferenceLayout, DnsEqualsTableT3C) {
    const LayoutCase& c = GetParam();
    const topology::Plan plan = topology::derive_plan(reference_model(c.layout, c.xmpp));
    EXPECT_EQ(dns_view(plan), expected_dns(c));
    EXPECT_TRUE(plan.unknowns.empty());
}

TEST_P(ReferenceLayout, FirewallRowsEqualPortSummary) {
    const LayoutCase& c = GetParam();
    const topology::Plan plan = topology::derive_plan(reference_model(c.layout, c.xmpp));
    std::set<std::string> rows;
    for (const auto& r : plan.firewall) rows.insert(r.row);
    EXPECT_EQ(rows, as_set(c.rows));
    // X5 (V3 on an HLB) is probed on the published Access Edge addresses.
    const topology::FirewallRule* client = find_row(plan, c.layout == Layout::s5 ? "V3" : "X5");
    ASSERT_NE(client, nullptr);
    std::set<std::string> published;
    for (const std::string& o : c.access) published.insert("131.107.155." + o);
    EXPECT_EQ(as_set(client->probe_addresses), published);
}

TEST_P(ReferenceLayout, CertificatesEqualTableT1D) {
    const LayoutCase& c = GetParam();
    const topology::Plan plan = topology::derive_plan(reference_model(c.layout, c.xmpp));
    const auto* external = find_certificate(plan, topology::CertificateUse::external);
    const auto* internal = find_certificate(plan, topology::CertificateUse::internal);
    ASSERT_NE(external, nullptr);
    ASSERT_NE(internal, nullptr);
    std::set<std::string> sans = {"sip.contoso.com", "webcon.contoso.com", "sip.fabrikam.com"};
    if (c.xmpp) {
        sans.insert("contoso.com");
        sans.insert("xmpp.contoso.com");  // CERT-XMPP-03: the CSR carries what the checks ask
    }
    EXPECT_EQ(external->subject, "sip.contoso.com");
    EXPECT_EQ(as_set(external->sans), sans);
    EXPECT_TRUE(external->exportable_key);
    EXPECT_EQ(internal->subject, "lsedge.contoso.net");
    EXPECT_EQ(internal->exportable_key, c.pool_key_exportable);
}

INSTANTIATE_TEST_SUITE_P(Layouts, ReferenceLayout, ::testing::ValuesIn(layout_cases),
                         [](const ::testing::TestParamInfo<LayoutCase>& p) {
                             return p.param.name;
                         });

// PS-S5 / LB-07: the HLB VIP rows use the VIPs; 8057 and 23456 and the node rows use members.
TEST(ReferenceLayoutS5, PassVipRowsUseVipsAndNodeRowsUseMembers) {
    const topology::Plan plan = topology::derive_plan(reference_model(Layout::s5, /*xmpp=*/true));
    const std::set<std::string> members = {"172.25.33.11", "172.25.33.12"};
    const std::set<std::string> vip = {"172.25.33.10"};
    for (const char* row : {"I1", "I4", "I6", "I8"}) {
        ASSERT_NE(find_row(plan, row), nullptr) << row;
        EXPECT_EQ(as_set(find_row(plan, row)->probe_addresses), members) << row;
    }
    for (const char* row : {"V9", "V11", "V12", "V13"}) {
        EXPECT_EQ(as_set(find_row(plan, row)->probe_addresses), vip) << row;
    }
    EXPECT_EQ(as_set(find_row(plan, "V14")->source.addresses), vip);
    EXPECT_EQ(as_set(find_row(plan, "X14")->probe_addresses),
              (std::set<std::string>{"131.107.155.112", "131.107.155.122"}));
    EXPECT_EQ(as_set(find_row(plan, "V7")->probe_addresses),
              (std::set<std::string>{"131.107.155.30"}));
    EXPECT_NE(find_row(plan, "V1"), nullptr);  // XMPP in every scenario
    EXPECT_NE(find_row(plan, "V2"), nullptr);
    EXPECT_EQ(find_row(plan, "X1"), nullptr);
}

}  // namespace
}  // namespace edgeplan::testing
