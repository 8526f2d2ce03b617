#include "checks/citations.h"

#include <map>
#include <stdexcept>

namespace edgeplan::checks {

// Section 0.2 of ../shared/reference/lync-rules.md: every source key is one page under
// Lync/LyncServer/ of MicrosoftDocs/OfficeDocs-SkypeForBusiness.
Citation cite(const std::string& key) {
    static const std::map<std::string, std::string> kPages{
        {"CS-FED",
         "lync-server-2013-certificate-summary-sip-xmpp-federation-and-public-instant-messaging."
         "md"},
        {"CS-XMPP",
         "lync-server-2013-certificate-summary-extensible-messaging-and-presence-protocol-xmpp-"
         "federation.md"},
        {"CS-PIC", "lync-server-2013-certificate-summary-public-instant-messaging-connectivity.md"},
        {"CS-S1",
         "lync-server-2013-certificate-summary-single-consolidated-edge-with-public-ip-addresses."
         "md"},
        {"CS-S2",
         "lync-server-2013-certificate-summary-single-consolidated-edge-with-private-ip-addresses-"
         "using-nat.md"},
        {"CS-S3",
         "lync-server-2013-certificate-summary-scaled-consolidated-edge-dns-load-balancing-with-"
         "public-ip-addresses.md"},
        {"CS-S4",
         "lync-server-2013-certificate-summary-scaled-consolidated-edge-dns-load-balancing-private-"
         "ip.md"},
        {"CS-S5",
         "lync-server-2013-certificate-summary-scaled-consolidated-edge-with-hardware-load-"
         "balancers.md"},
        {"CR-EXT", "lync-server-2013-certificate-requirements-for-external-user-access.md"},
        {"PLAN-CERT", "lync-server-2013-plan-for-edge-server-certificates.md"},
        {"WILDCARD", "lync-server-2013-wildcard-certificate-support.md"},
        {"SETUP-EXTCERT",
         "lync-server-2013-set-up-certificates-for-the-external-edge-interface.md"},
        {"SETUP-INTCERT",
         "lync-server-2013-set-up-certificates-for-the-internal-edge-interface.md"},
        {"REQ-CERT", "lync-server-2013-request-certificates-for-edge-components.md"},
        {"CHANGES", "lync-server-2013-changes-in-lync-server-that-affect-edge-server-planning.md"},
        {"PS-FED",
         "lync-server-2013-port-summary-sip-xmpp-federation-and-public-instant-messaging.md"},
        {"PS-XMPP",
         "lync-server-2013-port-summary-extensible-messaging-and-presence-protocol-xmpp-federation."
         "md"},
        {"PS-PIC", "lync-server-2013-port-summary-public-instant-messaging-connectivity.md"},
        {"PS-S1",
         "lync-server-2013-port-summary-single-consolidated-edge-with-public-ip-addresses.md"},
        {"PS-S2",
         "lync-server-2013-port-summary-single-consolidated-edge-with-private-ip-addresses-using-"
         "nat.md"},
        {"PS-S3",
         "lync-server-2013-port-summary-scaled-consolidated-edge-dns-load-balancing-with-public-ip-"
         "addresses.md"},
        {"PS-S4",
         "lync-server-2013-port-summary-scaled-consolidated-edge-dns-load-balancing-with-private-"
         "ip-addresses-using-nat.md"},
        {"PS-S5",
         "lync-server-2013-port-summary-scaled-consolidated-edge-with-hardware-load-balancers.md"},
        {"AVFW", "lync-server-2013-determine-external-a-v-firewall-and-port-requirements.md"},
        {"PORTRANGE", "lync-server-2013-configuring-port-ranges-for-your-edge-servers.md"},
        {"DS-FED",
         "lync-server-2013-dns-summary-sip-xmpp-federation-and-public-instant-messaging.md"},
        {"DS-XMPP",
         "lync-server-2013-dns-summary-extensible-messaging-and-presence-protocol-xmpp-federation."
         "md"},
        {"DS-S1",
         "lync-server-2013-dns-summary-single-consolidated-edge-with-public-ip-addresses.md"},
        {"DS-S2",
         "lync-server-2013-dns-summary-single-consolidated-edge-with-private-ip-addresses-using-"
         "nat.md"},
        {"DS-S3",
         "lync-server-2013-dns-summary-scaled-consolidated-edge-dns-load-balancing-with-public-ip-"
         "addresses.md"},
        {"DS-S4",
         "lync-server-2013-dns-summary-scaled-consolidated-edge-dns-load-balancing-with-private-ip-"
         "addresses-using-nat.md"},
        {"DS-S5",
         "lync-server-2013-dns-summary-scaled-consolidated-edge-with-hardware-load-balancers.md"},
        {"DS-AUTO", "lync-server-2013-dns-summary-autodiscover.md"},
        {"DNSREQ", "lync-server-2013-determine-dns-requirements.md"},
        {"DNSCFG", "lync-server-2013-configure-dns-for-edge-support.md"},
        {"DNSLB", "lync-server-2013-dns-load-balancing.md"},
        {"LBREQ", "lync-server-2013-load-balancing-requirements.md"},
        {"HLBREQ", "lync-server-2013-hardware-load-balancer-requirements.md"},
        {"TOPOCHOICE", "lync-server-2013-choosing-a-topology.md"},
        {"SCEN", "lync-server-2013-scenarios-for-external-user-access.md"},
        {"COMPONENTS", "lync-server-2013-components-required-for-external-user-access.md"},
        {"COLLOC", "lync-server-2013-supported-server-collocation-for-edge-components.md"},
        {"DEFTOPO", "lync-server-2013-define-your-edge-topology.md"},
        {"NIC", "lync-server-2013-set-up-network-interfaces-for-edge-servers.md"},
        {"DATACOL", "lync-server-2013-data-collection.md"},
        {"OVERVIEW", "lync-server-2013-overview-of-external-user-access.md"},
        {"PLAN-FED",
         "lync-server-2013-planning-for-sip-xmpp-federation-and-public-instant-messaging.md"},
        {"PLAN-LYNCFED",
         "lync-server-2013-planning-for-lync-server-and-office-communications-server-federation."
         "md"},
        {"PLAN-XMPP",
         "lync-server-2013-planning-for-extensible-messaging-and-presence-protocol-xmpp-federation."
         "md"},
        {"PLAN-PIC", "lync-server-2013-planning-for-public-instant-messaging-connectivity.md"},
        {"PIC-SUPPORT", "lync-server-2013-public-instant-messaging-support.md"},
        {"PIC-STATUS", "lync-server-2013-support-for-public-instant-messenger-connectivity.md"},
        {"PIC-FAQ",
         "lync-server-2013-frequently-asked-questions-provisioning-lync-server-for-skype-"
         "connectivity.md"},
        {"SKYPE", "lync-server-2013-enabling-lync-skype-connectivity.md"},
        {"SETUP-PIC", "lync-server-2013-setting-up-public-instant-messaging-connectivity.md"},
        {"MEDIAENC", "lync-server-2013-configure-media-encryption-for-public-providers.md"},
        {"CFG-FED",
         "lync-server-2013-configuring-sip-federation-xmpp-federation-and-public-instant-messaging."
         "md"},
        {"SETUP-FED", "lync-server-2013-setting-up-lync-federation.md"},
        {"SETUP-XMPP", "lync-server-2013-setting-up-xmpp-federation.md"},
        {"XMPP-GTALK",
         "lync-server-2013-example-xmpp-configuration-–-xmpp-federation-with-google-talk.md"},
        {"XMPP-NEG", "lync-server-2013-negotiation-settings-for-xmpp-federated-partners.md"},
        {"XMPP-PARTNER", "lync-server-2013-create-or-edit-xmpp-partner-configuration.md"},
        {"XMPP-POLICY",
         "lync-server-2013-configure-policies-to-control-xmpp-federated-user-access.md"},
        {"XMPP-MIGR", "migrating-xmpp-federation.md"},
        {"ACCESSEDGE",
         "lync-server-2013-manage-access-edge-configuration-for-your-organization.md"},
        {"DISCOVERY", "lync-server-2013-enable-or-disable-discovery-of-federation-partners.md"},
        {"ENFED", "lync-server-2013-enable-or-disable-federation-and-public-im-connectivity.md"},
        {"ALLOWDOM", "lync-server-2013-configure-support-for-allowed-external-domains.md"},
        {"PUBPROV", "lync-server-2013-create-or-edit-public-sip-federated-providers.md"},
        {"HOSTPROV", "lync-server-2013-create-or-edit-hosted-sip-federated-providers.md"},
        {"PUBPOL", "lync-server-2013-configure-policies-to-control-public-user-access.md"},
        {"LYNCONLINE", "lync-server-2013-configure-federation-support-for-a-lync-online-domain.md"},
        {"PUSH", "lync-server-2013-configuring-for-push-notifications.md"},
        {"DR", "lync-server-2013-edge-server-disaster-recovery.md"},
        {"DR-XMPP", "lync-server-2013-failing-over-the-edge-pool-used-for-xmpp-federation.md"},
        {"DR-FED",
         "lync-server-2013-failing-over-the-edge-pool-used-for-lync-server-federation.md"},
        {"FEDTEST", "lync-server-2013-testing-ability-to-connect-to-a-federated-domain.md"},
        {"DEPLOYIP", "lync-server-2013-deploy-ip-address-types-on-an-edge-server.md"},
        {"SC-S1", "lync-server-2013-single-consolidated-edge-with-public-ip-addresses.md"},
        {"SC-S2", "lync-server-2013-single-consolidated-edge-with-private-ip-addresses-and-nat.md"},
        {"SC-S3",
         "lync-server-2013-scaled-consolidated-edge-dns-load-balancing-with-public-ip-addresses."
         "md"},
        {"SC-S4",
         "lync-server-2013-scaled-consolidated-edge-dns-load-balancing-with-private-ip-addresses-"
         "using-nat.md"},
        {"SC-S5", "lync-server-2013-scaled-consolidated-edge-with-hardware-load-balancers.md"},
    };
    const auto found = kPages.find(key);
    if (found == kPages.end()) throw std::invalid_argument("unknown catalogue source key " + key);
    return Citation{key, found->second};
}

}  // namespace edgeplan::checks
