// Plan rows carry a typed role; the catalogue ID is only the role's label
// (topology/plan_roles.cpp). Every role has its own label, and every row of every reference layout
// is labelled by its role.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "reference_models.h"
#include "topology/plan.h"

namespace edgeplan::testing {
namespace {

using topology::CertificateRule;
using topology::DnsRole;
using topology::FirewallRole;

// Every value from the first to `last` (the enums are contiguous from 0).
template <typename Role>
std::set<std::string> labels_up_to(Role last) {
    std::set<std::string> labels;
    for (int i = 0; i <= static_cast<int>(last); ++i) {
        const std::string label = topology::catalogue_id(static_cast<Role>(i));
        EXPECT_FALSE(label.empty()) << "role " << i << " has no label";
        EXPECT_TRUE(labels.insert(label).second) << label << " labels two roles";
    }
    return labels;
}

TEST(PlanRoles, EveryRoleHasItsOwnCatalogueId) {
    EXPECT_EQ(labels_up_to(FirewallRole::internal_logging).size(), 23u);
    EXPECT_EQ(labels_up_to(DnsRole::xmpp_proxy).size(), 12u);
    EXPECT_EQ(labels_up_to(CertificateRule::xmpp_san_forms).size(), 24u);
    EXPECT_STREQ(topology::catalogue_id(FirewallRole::xmpp_partners_inbound), "PORT-EXT-01");
    EXPECT_STREQ(topology::catalogue_id(DnsRole::federation_srv), "DNS-SRV-FED-01");
    EXPECT_STREQ(topology::catalogue_id(CertificateRule::aol_client_eku), "CERT-EXT-10");
    EXPECT_STREQ(topology::catalogue_id(CertificateRule::separate_av_certificate), "CERT-EXT-15");
}

TEST(PlanRoles, EveryPlanRowIsLabelledByItsRole) {
    for (Layout layout : {Layout::s1, Layout::s2, Layout::s3, Layout::s4, Layout::s5}) {
        SCOPED_TRACE(layout_name(layout));
        const topology::Plan plan = topology::derive_plan(reference_model(layout));
        ASSERT_FALSE(plan.firewall.empty());
        for (const topology::FirewallRule& r : plan.firewall) {
            EXPECT_EQ(r.rule, topology::catalogue_id(r.role)) << r.row;
        }
        ASSERT_FALSE(plan.dns.empty());
        for (const topology::DnsRecord& r : plan.dns) {
            EXPECT_EQ(r.rule, topology::catalogue_id(r.role)) << r.name;
        }
        ASSERT_FALSE(plan.certificates.empty());
        for (const topology::CertificateRequest& c : plan.certificates) {
            ASSERT_EQ(c.rules.size(), c.requirements.size());
            for (std::size_t i = 0; i < c.rules.size(); ++i) {
                EXPECT_EQ(c.rules[i], topology::catalogue_id(c.requirements[i]));
            }
        }
    }
}

// The TLS probes pick their endpoints by role: the 443 client port and the Web Conferencing 443
// port of one pool share a number but never a role.
TEST(PlanRoles, RowsOfOnePortKeepDistinctRoles) {
    const topology::Plan plan = topology::derive_plan(reference_model(Layout::s1));
    std::set<FirewallRole> on_443;
    for (const topology::FirewallRule& r : plan.firewall) {
        if (r.port_from == 443 && r.direction == topology::Direction::inbound &&
            r.side == topology::FirewallSide::external) {
            on_443.insert(r.role);
        }
    }
    EXPECT_EQ(on_443, (std::set<FirewallRole>{FirewallRole::access_client, FirewallRole::webconf,
                                              FirewallRole::av_turn_tcp}));
}

}  // namespace
}  // namespace edgeplan::testing
