// The partner list: from the settings model, and from --partners files (plain and CSV).
#include <gtest/gtest.h>

#include "checks/partners/partner_list.h"

namespace edgeplan::checks::partners {
namespace {

topology::FederationSettings settings() {
    topology::FederationSettings f;
    f.allowed.push_back({"Fabrikam.com", "", topology::PartnerVersion::unknown, {}});
    f.allowed.push_back({"litware.com", "Edge.Litware.com", topology::PartnerVersion::unknown, {}});
    f.allowed.push_back({"blocked.example", "", topology::PartnerVersion::unknown, {}});
    f.blocked.push_back({"blocked.example", {}});
    f.hosting_providers.push_back({"Hoster", "sipfed.hoster.example", "", true, {}});
    topology::XmppPartner x;
    x.domain = "jabber.example";
    f.xmpp_partners.push_back(x);
    return f;
}

TEST(PartnerList, FromSettingsKeepsAllowedXmppProvidersAndConflicts) {
    const PartnerList list = partners_from_settings(settings());
    ASSERT_EQ(list.partners.size(), 3u);
    EXPECT_EQ(list.partners[0].domain, "fabrikam.com");
    EXPECT_EQ(list.partners[1].proxy_fqdn, "edge.litware.com");
    EXPECT_EQ(list.partners[2].protocol, PartnerProtocol::xmpp);
    ASSERT_EQ(list.allowed_and_blocked.size(), 1u);
    EXPECT_EQ(list.allowed_and_blocked[0].domain, "blocked.example");
    ASSERT_EQ(list.providers.size(), 2u);  // the configured one and Microsoft 365
    EXPECT_TRUE(list.providers[0].configured);
    EXPECT_EQ(list.providers[1].proxy_fqdn, "sipfed.online.lync.com");
    EXPECT_FALSE(list.providers[1].configured);
}

TEST(PartnerList, PlainFileWithCommentsAndDuplicates) {
    PartnerList list = partners_from_settings(settings());
    add_partner_file(list, "p.txt",
                     "# partners\n\ncontoso.com\n  Fabrikam.com.  \nblocked.example\n");
    ASSERT_EQ(list.partners.size(), 4u);  // fabrikam.com is there already
    EXPECT_EQ(list.partners[3].domain, "contoso.com");
    EXPECT_EQ(list.partners[3].where.line, 3);
    EXPECT_EQ(list.allowed_and_blocked.size(), 1u);
}

TEST(PartnerList, CsvOfGetCsAllowedDomain) {
    PartnerList list;
    add_partner_file(list, "allowed.csv",
                     "\xEF\xBB\xBF#TYPE Microsoft.Rtc.Management.WritableConfig.Policy.Edge."
                     "AllowedDomain\n\"Identity\",\"Domain\",\"ProxyFqdn\",\"Comment\"\n"
                     "\"contoso.com\",\"contoso.com\",\"sip.contoso.com\",\"a, b\"\n"
                     "\"x\",\"fabrikam.com\",\"\",\"\"\n");
    ASSERT_EQ(list.partners.size(), 2u);
    EXPECT_EQ(list.partners[0].proxy_fqdn, "sip.contoso.com");
    EXPECT_EQ(list.partners[0].comment, "a, b");
    EXPECT_EQ(list.partners[1].proxy_fqdn, "");
}

TEST(PartnerList, ErrorsNameFileLineAndColumn) {
    PartnerList list;
    try {
        add_partner_file(list, "p.txt", "contoso.com\n  not a domain\n");
        FAIL() << "no error";
    } catch (const topology::InputError& e) {
        EXPECT_EQ(e.where().line, 2);
        EXPECT_EQ(e.where().column, 3);
        EXPECT_NE(std::string(e.what()).find("p.txt:2:3"), std::string::npos);
    }
    EXPECT_THROW(add_partner_file(list, "c.csv", "Name,ProxyFqdn\nx,y\n"), topology::InputError);
    EXPECT_THROW(add_partner_file(list, "c.csv", "Domain,ProxyFqdn\nok.com,bad fqdn\n"),
                 topology::InputError);
    EXPECT_THROW(add_partner_file(list, "p.txt", "localhost\n"), topology::InputError);
}

TEST(PartnerList, DomainGrammar) {
    EXPECT_TRUE(is_partner_domain("a.b"));
    EXPECT_TRUE(is_partner_domain("_sip.x-y.example"));
    EXPECT_FALSE(is_partner_domain("a..b"));
    EXPECT_FALSE(is_partner_domain(".a.b"));
    EXPECT_FALSE(is_partner_domain(std::string(64, 'a') + ".com"));
    EXPECT_FALSE(is_partner_domain("a.b/c"));
}

}  // namespace
}  // namespace edgeplan::checks::partners
