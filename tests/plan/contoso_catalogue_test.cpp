// The catalogue's own example (DS-S4 / PS-S4 / CS-S4, the contoso-docs sample): the derived plan
// must equal the documentation's tables, written here as data.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "tests/plan/plan_views.h"
#include "tests/plan/reference_models.h"
#include "topology/loader.h"
#include "topology/plan.h"

namespace edgeplan::testing {
namespace {

using topology::CertificateUse;
using topology::ExtendedKeyUsage;
using topology::PartnerVersion;

// The sample file itself, so the committed sample (and the embedded default) is what is compared
// with the documentation; reference_model(Layout::s4) builds the same deployment in code for the
// other plan tests.
topology::Model contoso() {
    topology::LoadRequest request;
    request.topology_path = EDGEPLAN_SOURCE_DIR "/samples/contoso-docs/topology.xml";
    return topology::load_model(request);
}

TEST(ContosoCatalogue, PassSampleFileAndReferenceModelGiveTheSamePlanTables) {
    const topology::Plan from_file = topology::derive_plan(contoso());
    const topology::Plan from_code = topology::derive_plan(reference_model(Layout::s4));
    EXPECT_EQ(dns_view(from_file), dns_view(from_code));
}

// --- DNS: T3-C (S4 column), T3-A, T3-B, plus the rows the tables say to repeat -----------
struct DnsRow {
    const char* source;  // table and row the expectation comes from
    const char* record;  // view() form
};

const DnsRow dns_rows[] = {
    {"T3-C sip.contoso.com S4", "external sip.contoso.com A 131.107.155.10"},
    {"T3-C sip.contoso.com S4", "external sip.contoso.com A 131.107.155.11"},
    {"T3-C webcon.contoso.com S4", "external webcon.contoso.com A 131.107.155.20"},
    {"T3-C webcon.contoso.com S4", "external webcon.contoso.com A 131.107.155.21"},
    {"T3-C av.contoso.com S4", "external av.contoso.com A 131.107.155.30"},
    {"T3-C av.contoso.com S4", "external av.contoso.com A 131.107.155.31"},
    {"T3-C _sip._tls", "external _sip._tls.contoso.com SRV 443 sip.contoso.com"},
    {"T3-C/T3-A _sipfederationtls",
     "external _sipfederationtls._tcp.contoso.com SRV 5061 sip.contoso.com"},
    {"T3-C internal lsedge S4", "internal lsedge.contoso.net A 172.25.33.10"},
    {"T3-C internal lsedge S4", "internal lsedge.contoso.net A 172.25.33.11"},
    // "Repeat for every SIP domain with Lync-enabled users" (T3-C, T3-A).
    {"T3-C repeat per SIP domain", "external sip.fabrikam.com A 131.107.155.10"},
    {"T3-C repeat per SIP domain", "external sip.fabrikam.com A 131.107.155.11"},
    {"T3-C repeat per SIP domain", "external _sip._tls.fabrikam.com SRV 443 sip.fabrikam.com"},
    {"T3-A repeat per SIP domain",
     "external _sipfederationtls._tcp.fabrikam.com SRV 5061 sip.fabrikam.com"},
    // T3-B (XMPP).
    {"T3-B _xmpp-server", "external _xmpp-server._tcp.contoso.com SRV 5269 xmpp.contoso.com"},
    {"T3-B xmpp A", "external xmpp.contoso.com A 131.107.155.10"},
    {"T3-B xmpp A", "external xmpp.contoso.com A 131.107.155.11"},
    // DNS-INT-01: each Edge Server's internal interface.
    {"DNS-INT-01 member", "internal edge01.contoso.net A 172.25.33.10"},
    {"DNS-INT-01 member", "internal edge02.contoso.net A 172.25.33.11"},
};

TEST(ContosoCatalogue, PassDnsEqualsTablesT3) {
    std::set<std::string> expected;
    for (const DnsRow& row : dns_rows) expected.insert(row.record);
    const topology::Plan plan = topology::derive_plan(contoso());
    EXPECT_EQ(dns_view(plan), expected);
    EXPECT_TRUE(plan.unknowns.empty());
}

TEST(ContosoCatalogue, PassEveryRecordNamesItsRuleAndZone) {
    const topology::Plan plan = topology::derive_plan(contoso());
    for (const auto& r : plan.dns) {
        EXPECT_FALSE(r.rule.empty()) << view(r);
        // DNS-SRV-GEN-01: the SRV target is in the SRV's own domain (its zone).
        if (r.type == topology::DnsRecordType::srv) {
            EXPECT_EQ(r.value.substr(r.value.size() - r.zone.size()), r.zone) << view(r);
        }
    }
    EXPECT_EQ(plan.dns.front().zone, "contoso.com");
}

// --- Firewall: table 2.2 (S4 column) and table 2.3 ---------------------------------------
enum class Needs { always, xmpp, federation, ocs2007, udp3478 };

struct PortRow {
    const char* row;
    const char* view;     // side direction transport ports
    const char* service;  // addresses the Edge side of the rule uses
    Needs needs;          // the feature PS-S4 / PORT-EXT-xx ties the row to
};

const std::vector<PortRow> external_rows = {
    {"X1", "external inbound tcp 5269-5269", "access", Needs::xmpp},
    {"X1b", "external outbound tcp 5269-5269", "access", Needs::xmpp},
    {"X2", "external outbound tcp 80-80", "access", Needs::always},
    {"X3", "external outbound tcp 53-53", "access", Needs::always},
    {"X4", "external outbound udp 53-53", "access", Needs::always},
    {"X5", "external inbound tcp 443-443", "access", Needs::always},
    {"X6", "external inbound tcp 5061-5061", "access", Needs::federation},
    {"X7", "external outbound tcp 5061-5061", "access", Needs::federation},
    {"X8", "external inbound tcp 443-443", "webconf", Needs::always},
    {"X9", "external outbound tcp 50000-59999", "av", Needs::federation},
    {"X10", "external outbound udp 50000-59999", "av", Needs::ocs2007},
    {"X11", "external inbound tcp 50000-59999", "av", Needs::ocs2007},
    {"X12", "external inbound udp 50000-59999", "av", Needs::ocs2007},
    {"X13", "external outbound udp 3478-3478", "av", Needs::udp3478},
    {"X14", "external inbound udp 3478-3478", "av", Needs::always},
    {"X15", "external inbound tcp 443-443", "av", Needs::always},
    {"X16", "external outbound tcp 443-443", "av", Needs::always},
};

const std::vector<PortRow> internal_rows = {
    {"I1", "internal inbound tcp 23456-23456", "internal", Needs::xmpp},
    {"I2", "internal inbound tcp 5061-5061", "internal", Needs::always},
    {"I3", "internal outbound tcp 5061-5061", "internal", Needs::always},
    {"I4", "internal inbound tcp 8057-8057", "internal", Needs::always},
    {"I5", "internal inbound tcp 5062-5062", "internal", Needs::always},
    {"I6", "internal inbound udp 3478-3478", "internal", Needs::always},
    {"I7", "internal inbound tcp 443-443", "internal", Needs::always},
    {"I8", "internal inbound tcp 4443-4443", "internal", Needs::always},
    {"I9", "internal inbound tcp 50001-50001", "internal", Needs::always},
    {"I10", "internal inbound tcp 50002-50002", "internal", Needs::always},
    {"I11", "internal inbound tcp 50003-50003", "internal", Needs::always},
};

struct Variant {
    const char* name;
    bool ocs2007;   // add an OCS 2007 partner (PORT-EXT-10)
    bool lync2010;  // add a Lync 2010 partner (PORT-EXT-11)
};

class ContosoFirewall : public ::testing::TestWithParam<Variant> {};

TEST_P(ContosoFirewall, PassRowsEqualTables22And23) {
    const Variant& v = GetParam();
    topology::Model model = contoso();
    if (v.ocs2007)
        model.federation.allowed.push_back({"old.example", "", PartnerVersion::ocs2007, {}});
    if (v.lync2010)
        model.federation.allowed.push_back({"mid.example", "", PartnerVersion::lync2010, {}});
    const topology::Plan plan = topology::derive_plan(model);

    std::set<std::string> expected;
    auto wanted = [&](Needs needs) {
        switch (needs) {
            case Needs::ocs2007:
                return v.ocs2007;
            case Needs::udp3478:
                return v.lync2010;
            default:
                return true;  // the contoso example has XMPP and federation
        }
    };
    for (const auto* table : {&external_rows, &internal_rows}) {
        for (const PortRow& row : *table) {
            if (wanted(row.needs)) expected.insert(std::string(row.row) + " " + row.view);
        }
    }
    EXPECT_EQ(firewall_view(plan), expected);
}

INSTANTIATE_TEST_SUITE_P(
    Variants, ContosoFirewall,
    ::testing::Values(Variant{"pass_sample_without_legacy_partners", false, false},
                      Variant{"pass_with_ocs2007_partner_adds_X10_X12", true, false},
                      Variant{"pass_with_lync2010_partner_adds_X13", false, true},
                      Variant{"pass_with_both_every_row", true, true}),
    [](const ::testing::TestParamInfo<Variant>& p) { return p.param.name; });

// The Edge side of each row uses the private interface addresses (behind NAT), and inbound
// rows are probed on the NAT public addresses (DNS-A-EXT-04) or the member internal IPs.
TEST(ContosoCatalogue, PassRuleAddressesFollowTheService) {
    topology::Model model = contoso();
    model.federation.allowed.push_back({"old.example", "", PartnerVersion::ocs2007, {}});
    model.federation.allowed.push_back({"mid.example", "", PartnerVersion::lync2010, {}});
    const topology::Plan plan = topology::derive_plan(model);
    const std::set<std::string> interface_ips[] = {{"10.45.16.10", "10.45.16.11"},
                                                   {"10.45.16.20", "10.45.16.21"},
                                                   {"10.45.16.30", "10.45.16.31"},
                                                   {"172.25.33.10", "172.25.33.11"}};
    const std::set<std::string> public_ips[] = {{"131.107.155.10", "131.107.155.11"},
                                                {"131.107.155.20", "131.107.155.21"},
                                                {"131.107.155.30", "131.107.155.31"},
                                                {"172.25.33.10", "172.25.33.11"}};
    auto index = [](const std::string& service) {
        return service == "access" ? 0 : service == "webconf" ? 1 : service == "av" ? 2 : 3;
    };
    for (const auto* table : {&external_rows, &internal_rows}) {
        for (const PortRow& row : *table) {
            const topology::FirewallRule* r = find_row(plan, row.row);
            ASSERT_NE(r, nullptr) << row.row;
            const bool inbound = r->direction == topology::Direction::inbound;
            const auto& edge = inbound ? r->destination : r->source;
            EXPECT_EQ(as_set(edge.addresses), interface_ips[index(row.service)]) << row.row;
            if (inbound) {
                EXPECT_EQ(as_set(r->probe_addresses), public_ips[index(row.service)]) << row.row;
            } else {
                EXPECT_TRUE(r->probe_addresses.empty()) << row.row;
            }
            EXPECT_EQ(r->rule.rfind("PORT-", 0), 0u) << row.row;
        }
    }
    // 2.3 "can be narrowed to": the Front End pool for I1/I2/I4/I5/I8, the next hop for I3.
    const std::set<std::string> fe = {"172.25.33.20", "172.25.33.21"};
    for (const char* row : {"I1", "I2", "I4", "I5", "I8"}) {
        EXPECT_EQ(as_set(find_row(plan, row)->source.addresses), fe) << row;
    }
    EXPECT_EQ(as_set(find_row(plan, "I3")->destination.addresses), fe);
    for (const char* row : {"I6", "I7", "I9"}) {
        EXPECT_EQ(find_row(plan, row)->source.label, "Any") << row;
    }
}

// --- Certificates: T1-D (CS-S3/S4 rows) with the XMPP SAN of T1-B ------------------------
TEST(ContosoCatalogue, PassCertificatesEqualTableT1D) {
    const topology::Plan plan = topology::derive_plan(contoso());
    ASSERT_EQ(plan.certificates.size(), 2u);
    const auto* external = find_certificate(plan, CertificateUse::external);
    ASSERT_NE(external, nullptr);
    EXPECT_EQ(external->subject, "sip.contoso.com");
    // T1-D: webcon.contoso.com; sip.contoso.com; sip.fabrikam.com. T1-B / CERT-XMPP-01:
    // contoso.com for the XMPP domain, and CERT-XMPP-03's xmpp.contoso.com, so that a
    // certificate made from this plan passes the plan's own checks. A-6: order ignored, but
    // the subject comes first.
    EXPECT_EQ(as_set(external->sans),
              (std::set<std::string>{"webcon.contoso.com", "sip.contoso.com", "sip.fabrikam.com",
                                     "contoso.com", "xmpp.contoso.com"}));
    EXPECT_EQ(external->sans.front(), "sip.contoso.com");
    EXPECT_EQ(external->ekus, std::vector<ExtendedKeyUsage>{ExtendedKeyUsage::server_auth});
    EXPECT_TRUE(external->exportable_key);  // "private key must be exportable" (CS-S3/S4)
    EXPECT_TRUE(external->public_ca);
    EXPECT_EQ(external->assigned_to,
              (std::vector<std::string>{"Access Edge External", "Web Conferencing Edge External",
                                        "A/V Edge External"}));

    const auto* internal = find_certificate(plan, CertificateUse::internal);
    ASSERT_NE(internal, nullptr);
    EXPECT_EQ(internal->subject, "lsedge.contoso.net");
    EXPECT_TRUE(internal->sans.empty());  // "No SAN required"
    EXPECT_EQ(internal->ekus, std::vector<ExtendedKeyUsage>{ExtendedKeyUsage::server_auth});
    EXPECT_TRUE(internal->exportable_key);  // CERT-INT-05, two members
}

}  // namespace
}  // namespace edgeplan::testing
