// Narrowing to the features in use (PORT-GEN-02) and what the plan reports as Unknown instead of
// guessing. One row per outcome; each row changes the S4 reference model in one way.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <string>
#include <tuple>
#include <vector>

#include "tests/plan/plan_views.h"
#include "tests/plan/reference_models.h"
#include "topology/plan.h"

namespace edgeplan::testing {
namespace {

using topology::Model;
using topology::Plan;

bool has_record(const Plan& plan, const std::string& record) {
    return dns_view(plan).count(record) > 0;
}

bool has_unknown(const Plan& plan, const std::string& rule, const std::string& subject) {
    return std::any_of(plan.unknowns.begin(), plan.unknowns.end(), [&](const topology::Unknown& u) {
        return u.rule == rule && u.subject == subject;
    });
}

bool has_record_rule(const Plan& plan, const std::string& name, const std::string& rule) {
    return std::any_of(plan.dns.begin(), plan.dns.end(), [&](const topology::DnsRecord& r) {
        return r.name == name && r.rule == rule;
    });
}

struct FeatureCase {
    const char* name;
    std::function<void(Model&)> change;
    std::function<bool(const Plan&)> holds;
};

const FeatureCase feature_cases[] = {
    {"no_xmpp_drops_5269_23456_and_xmpp_dns", [](Model& m) { m.edge_pools[0].xmpp = false; },
     [](const Plan& p) {
         return !find_row(p, "X1") && !find_row(p, "X1b") && !find_row(p, "I1") &&
                !has_record(p, "external xmpp.contoso.com A 131.107.155.10");
     }},
    {"no_federation_drops_5061_and_media_rows", [](Model& m) { m.federation.enabled = false; },
     [](const Plan& p) {
         return !find_row(p, "X6") && !find_row(p, "X7") && !find_row(p, "X9") &&
                !has_record(p,
                            "external _sipfederationtls._tcp.contoso.com SRV 5061 sip.contoso.com");
     }},
    {"skype_provider_adds_udp_3478_outbound",
     [](Model& m) {
         topology::PublicProvider skype;
         skype.kind = topology::PublicProviderKind::skype;
         skype.enabled = true;
         m.federation.public_providers.push_back(skype);
     },
     [](const Plan& p) { return find_row(p, "X13") != nullptr; }},
    {"second_edge_pool_adds_udp_3478_outbound",
     [](Model& m) {
         topology::EdgePool second = m.edge_pools[0];
         second.id = "edgepool2";
         second.federation = false;
         second.xmpp = false;
         m.edge_pools.push_back(second);
     },
     [](const Plan& p) {
         return std::count_if(p.firewall.begin(), p.firewall.end(),
                              [](const auto& r) { return r.row == "X13"; }) == 2;
     }},
    {"aol_provider_adds_client_eku",
     [](Model& m) {
         topology::PublicProvider aol;
         aol.kind = topology::PublicProviderKind::aol;
         aol.enabled = true;
         m.federation.public_providers.push_back(aol);
     },
     [](const Plan& p) {
         return find_certificate(p, topology::CertificateUse::external)->ekus.size() == 2;
     }},
    {"media_range_follows_edge_ports",
     [](Model& m) {
         m.edge_pools[0].ports.media_start = 40000;
         m.edge_pools[0].ports.media_count = 100;
     },
     [](const Plan& p) {
         return find_row(p, "X9")->port_from == 40000 && find_row(p, "X9")->port_to == 40099;
     }},
    {"client_port_moves_x5_and_sip_tls_srv",
     [](Model& m) { m.edge_pools[0].ports.access_client = 5061; },
     [](const Plan& p) {
         return find_row(p, "X5")->port_from == 5061 &&
                has_record(p, "external _sip._tls.contoso.com SRV 5061 sip.contoso.com");
     }},
    {"gpo_configured_domain_has_no_sip_tls_srv",
     [](Model& m) { m.sip_domains[1].dns_autoconfiguration = false; },
     [](const Plan& p) {
         return !has_record(p, "external _sip._tls.fabrikam.com SRV 443 sip.fabrikam.com") &&
                has_record(p, "external _sip._tls.contoso.com SRV 443 sip.contoso.com");
     }},
    {"push_without_discovery_keeps_srv_as_fed_02",
     [](Model& m) { m.federation.partner_discovery = false; },
     [](const Plan& p) {
         return has_record_rule(p, "_sipfederationtls._tcp.contoso.com", "DNS-SRV-FED-02") &&
                !has_record(
                    p, "external _sipfederationtls._tcp.fabrikam.com SRV 5061 sip.fabrikam.com");
     }},
    {"unknown_discovery_is_an_unknown_not_a_record",
     [](Model& m) { m.federation.partner_discovery.reset(); },
     [](const Plan& p) {
         return has_unknown(p, "DNS-SRV-FED-01", "dns:_sipfederationtls._tcp.fabrikam.com/SRV") &&
                !has_record(
                    p, "external _sipfederationtls._tcp.fabrikam.com SRV 5061 sip.fabrikam.com");
     }},
    {"nat_without_public_ip_is_unknown",
     [](Model& m) { m.edge_pools[0].members[1].av.public_ips.clear(); },
     [](const Plan& p) {
         return has_unknown(p, "DNS-A-EXT-04", "member:edge02.contoso.net") &&
                !has_record(p, "external av.contoso.com A 131.107.155.31") &&
                has_record(p, "external av.contoso.com A 131.107.155.30");
     }},
    {"unspecified_address_is_unknown",
     [](Model& m) {
         m.edge_pools[0].nat = false;
         m.edge_pools[0].members[0].access.ips = {"0.0.0.0"};
     },
     [](const Plan& p) {
         return has_unknown(p, "DNS-A-EXT-01", "member:edge01.contoso.net") &&
                !has_record(p, "external sip.contoso.com A 0.0.0.0");
     }},
    {"missing_fqdn_is_unknown", [](Model& m) { m.edge_pools[0].webconf.fqdn.clear(); },
     [](const Plan& p) {
         return has_unknown(p, "DNS-A-EXT-02", "pool:edgepool") &&
                has_unknown(p, "CERT-EXT-04", "pool:edgepool");
     }},
    {"ipv6_addresses_get_aaaa",
     [](Model& m) {
         m.edge_pools[0].members[0].access.public_ips.push_back("2001:DB8::10");
         m.edge_pools[0].members[0].internal_ips.push_back("fd00::10");
     },
     [](const Plan& p) {
         return has_record(p, "external sip.contoso.com AAAA 2001:db8::10") &&
                has_record(p, "internal edge01.contoso.net AAAA fd00::10");
     }},
    {"fqdn_outside_sip_domains_uses_parent_zone",
     [](Model& m) { m.edge_pools[0].av.fqdn = "av.edge.example.org"; },
     [](const Plan& p) {
         return std::any_of(p.dns.begin(), p.dns.end(), [](const topology::DnsRecord& r) {
             return r.name == "av.edge.example.org" && r.zone == "edge.example.org";
         });
     }},
};

class PlanFeatures : public ::testing::TestWithParam<FeatureCase> {};

TEST_P(PlanFeatures, Holds) {
    Model model = reference_model(Layout::s4);
    GetParam().change(model);
    EXPECT_TRUE(GetParam().holds(topology::derive_plan(model)));
}

INSTANTIATE_TEST_SUITE_P(Cases, PlanFeatures, ::testing::ValuesIn(feature_cases),
                         [](const ::testing::TestParamInfo<FeatureCase>& p) {
                             return std::string(p.param.name);
                         });

TEST(PlanOrder, PassInputOrderDoesNotChangeThePlan) {
    Model a = reference_model(Layout::s4);
    Model b = a;
    std::reverse(b.sip_domains.begin(), b.sip_domains.end());
    std::reverse(b.edge_pools[0].members.begin(), b.edge_pools[0].members.end());
    const Plan pa = topology::derive_plan(a);
    const Plan pb = topology::derive_plan(b);
    ASSERT_EQ(pa.dns.size(), pb.dns.size());
    for (std::size_t i = 0; i < pa.dns.size(); ++i) EXPECT_EQ(view(pa.dns[i]), view(pb.dns[i]));
    for (std::size_t i = 1; i < pa.dns.size(); ++i) {
        EXPECT_LE(std::tie(pa.dns[i - 1].zone_kind, pa.dns[i - 1].zone),
                  std::tie(pa.dns[i].zone_kind, pa.dns[i].zone));
    }
}

}  // namespace
}  // namespace edgeplan::testing
