#include "checks/registry.h"

// --- live probe checks (checkcmd branch): includes ---
#include "checks/dns_live/access_edge_a_live.h"
#include "checks/dns_live/av_edge_a_live.h"
#include "checks/dns_live/client_srv_live.h"
#include "checks/dns_live/dns_lb_external_live.h"
#include "checks/dns_live/dns_lb_internal_live.h"
#include "checks/dns_live/edge_internal_a_live.h"
#include "checks/dns_live/federation_srv_live.h"
#include "checks/dns_live/hlb_vip_records_live.h"
#include "checks/dns_live/ipv6_aaaa_live.h"
#include "checks/dns_live/nat_public_answers_live.h"
#include "checks/dns_live/next_hop_resolves_live.h"
#include "checks/dns_live/partner_srv_health.h"
#include "checks/dns_live/push_srv_live.h"
#include "checks/dns_live/srv_target_domain_live.h"
#include "checks/dns_live/webconf_edge_a_live.h"
#include "checks/dns_live/xmpp_a_live.h"
#include "checks/dns_live/xmpp_srv_live.h"
#include "checks/dns_live/xmpp_srv_priorities_live.h"
#include "checks/ports_live/av_tcp_inbound_live.h"
#include "checks/ports_live/av_tcp_internal_live.h"
#include "checks/ports_live/av_tcp_outbound_live.h"
#include "checks/ports_live/av_udp_inbound_live.h"
#include "checks/ports_live/av_udp_internal_live.h"
#include "checks/ports_live/client_sip_inbound_live.h"
#include "checks/ports_live/crl_outbound_live.h"
#include "checks/ports_live/dns_outbound_live.h"
#include "checks/ports_live/federation_sip_inbound_live.h"
#include "checks/ports_live/federation_sip_outbound_live.h"
#include "checks/ports_live/logging_internal_live.h"
#include "checks/ports_live/mras_internal_live.h"
#include "checks/ports_live/psom_internal_live.h"
#include "checks/ports_live/replication_internal_live.h"
#include "checks/ports_live/sip_internal_live.h"
#include "checks/ports_live/sip_internal_outbound_live.h"
#include "checks/ports_live/webconf_inbound_live.h"
#include "checks/ports_live/xmpp_gateway_internal_live.h"
#include "checks/ports_live/xmpp_inbound_live.h"
#include "checks/ports_live/xmpp_outbound_live.h"
// --- end live probe checks: includes ---

namespace edgeplan::checks {

// SCAFFOLD: the checks session fills this list, sorted by check ID.
std::vector<std::unique_ptr<Check>> make_all_checks() {
    std::vector<std::unique_ptr<Check>> checks;
    // --- live probe checks (checkcmd branch), sorted by check ID; kinds dns/tcp/udp ---
    checks.push_back(dns_live::make_access_edge_a_live_check());              // DNS-A-EXT-01
    checks.push_back(dns_live::make_webconf_edge_a_live_check());             // DNS-A-EXT-02
    checks.push_back(dns_live::make_av_edge_a_live_check());                  // DNS-A-EXT-03
    checks.push_back(dns_live::make_nat_public_answers_live_check());         // DNS-A-EXT-04
    checks.push_back(dns_live::make_ipv6_aaaa_live_check());                  // DNS-A-EXT-05
    checks.push_back(dns_live::make_xmpp_a_live_check());                     // DNS-A-XMPP-02
    checks.push_back(dns_live::make_edge_internal_a_live_check());            // DNS-INT-01
    checks.push_back(dns_live::make_next_hop_resolves_live_check());          // DNS-INT-02
    checks.push_back(dns_live::make_dns_lb_external_live_check());            // DNS-LB-01
    checks.push_back(dns_live::make_dns_lb_internal_live_check());            // DNS-LB-02
    checks.push_back(dns_live::make_hlb_vip_records_live_check());            // DNS-LB-03
    checks.push_back(dns_live::make_client_srv_live_check());                 // DNS-SRV-CLI-01
    checks.push_back(dns_live::make_federation_srv_live_check());             // DNS-SRV-FED-01
    checks.push_back(dns_live::make_push_srv_live_check());                   // DNS-SRV-FED-02
    checks.push_back(dns_live::make_partner_srv_health_check());              // DNS-SRV-FED-05
    checks.push_back(dns_live::make_srv_target_domain_live_check());          // DNS-SRV-GEN-01
    checks.push_back(dns_live::make_xmpp_srv_live_check());                   // DNS-SRV-XMPP-01
    checks.push_back(dns_live::make_xmpp_srv_priorities_live_check());        // DNS-SRV-XMPP-03
    checks.push_back(ports_live::make_xmpp_inbound_live_check());             // PORT-EXT-01
    checks.push_back(ports_live::make_xmpp_outbound_live_check());            // PORT-EXT-02
    checks.push_back(ports_live::make_crl_outbound_live_check());             // PORT-EXT-03
    checks.push_back(ports_live::make_dns_outbound_live_check());             // PORT-EXT-04
    checks.push_back(ports_live::make_client_sip_inbound_live_check());       // PORT-EXT-05
    checks.push_back(ports_live::make_federation_sip_inbound_live_check());   // PORT-EXT-06
    checks.push_back(ports_live::make_federation_sip_outbound_live_check());  // PORT-EXT-07
    checks.push_back(ports_live::make_webconf_inbound_live_check());          // PORT-EXT-08
    checks.push_back(ports_live::make_av_udp_inbound_live_check());           // PORT-EXT-12
    checks.push_back(ports_live::make_av_tcp_inbound_live_check());           // PORT-EXT-13
    checks.push_back(ports_live::make_av_tcp_outbound_live_check());          // PORT-EXT-14
    checks.push_back(ports_live::make_xmpp_gateway_internal_live_check());    // PORT-INT-01
    checks.push_back(ports_live::make_sip_internal_live_check());             // PORT-INT-02
    checks.push_back(ports_live::make_sip_internal_outbound_live_check());    // PORT-INT-03
    checks.push_back(ports_live::make_psom_internal_live_check());            // PORT-INT-04
    checks.push_back(ports_live::make_mras_internal_live_check());            // PORT-INT-05
    checks.push_back(ports_live::make_av_udp_internal_live_check());          // PORT-INT-06
    checks.push_back(ports_live::make_av_tcp_internal_live_check());          // PORT-INT-07
    checks.push_back(ports_live::make_replication_internal_live_check());     // PORT-INT-08
    checks.push_back(ports_live::make_logging_internal_live_check());         // PORT-INT-09
    // --- end live probe checks ---
    return checks;
}

}  // namespace edgeplan::checks
