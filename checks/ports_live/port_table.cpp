#include "checks/ports_live/port_table.h"

#include "checks/citations.h"
#include "checks/ports_live/port_rule_check.h"

namespace edgeplan::checks::ports_live {
namespace {

// A row's catalogue ID is its role's label (topology::catalogue_id): the plan rows and the
// check share it. Side: external or internal probe the rule inbound from that network; edge
// probes it outbound from the Edge toward --responder. The port comes from the plan (the pool's
// configured port), the title states the default.
struct PortCheckRow {
    topology::FirewallRole role;
    const char* title;
    Severity severity;
    std::vector<std::string> scenarios;
    std::vector<std::string> citations;  // lync-rules.md section 0.2 source keys
    const char* remediation;
    ProbeSide side;
    PortProbeMethod method;
    topology::Transport transport;
};

using M = PortProbeMethod;
using R = topology::FirewallRole;
using T = topology::Transport;

const std::vector<PortCheckRow>& port_rows() {
    static const std::vector<PortCheckRow> rows = {
        {R::xmpp_partners_inbound,  // PORT-EXT-01
         "TCP 5269 from the Internet reaches the XMPP proxy on the Access Edge",
         Severity::must,
         {"XMPP"},
         {"PS-S1", "PS-XMPP", "PS-FED"},
         "Allow TCP 5269 inbound from Any to the Access Edge external address",
         ProbeSide::external,
         M::tcp_connect,
         T::tcp},
        {R::xmpp_partners_outbound,  // PORT-EXT-02
         "The Access Edge can open TCP 5269 toward the Internet (XMPP partners)",
         Severity::must,
         {"XMPP"},
         {"PS-XMPP", "PS-FED"},
         "Allow TCP 5269 outbound from the Access Edge to Any",
         ProbeSide::edge,
         M::token_echo,
         T::tcp},
        {R::crl_outbound,  // PORT-EXT-03
         "The Access Edge can open TCP 80 toward the Internet (CRL checks)",
         Severity::must,
         {"S1", "S2", "S3", "S4", "S5"},
         {"PS-S1"},
         "Allow TCP 80 outbound from the Access Edge to Any",
         ProbeSide::edge,
         M::token_echo,
         T::tcp},
        {R::dns_outbound,  // PORT-EXT-04
         "The Access Edge can open TCP 53 toward the Internet (DNS)",
         Severity::must,
         {"S1", "S2", "S3", "S4", "S5"},
         {"PS-S1"},
         "Allow TCP and UDP 53 outbound from the Access Edge to Any",
         ProbeSide::edge,
         M::token_echo,
         T::tcp},
        {R::access_client,  // PORT-EXT-05
         "TCP 443 (client SIP/TLS) from the Internet reaches the Access Edge",
         Severity::must,
         {"EXT"},
         {"PS-S1", "PS-S2", "PS-S5", "PS-FED"},
         "Allow TCP 443 inbound from Any to the Access Edge external address",
         ProbeSide::external,
         M::tcp_connect,
         T::tcp},
        {R::access_federation_inbound,  // PORT-EXT-06
         "TCP 5061 (SIP/MTLS) from the Internet reaches the Access Edge",
         Severity::must,
         {"FED", "PIC", "PUSH"},
         {"PS-S1", "PS-S2", "PS-S5", "PS-FED"},
         "Allow TCP 5061 inbound from Any to the Access Edge external address",
         ProbeSide::external,
         M::tcp_connect,
         T::tcp},
        {R::access_federation_outbound,  // PORT-EXT-07
         "The Access Edge can open TCP 5061 toward the Internet (federation, PIC, push)",
         Severity::must,
         {"FED", "PIC", "PUSH"},
         {"PS-S1", "PS-FED"},
         "Allow TCP 5061 outbound from the Access Edge to Any",
         ProbeSide::edge,
         M::token_echo,
         T::tcp},
        {R::webconf,  // PORT-EXT-08
         "TCP 443 (PSOM/TLS) from the Internet reaches the Web Conferencing Edge",
         Severity::must,
         {"EXT"},
         {"PS-S1", "PS-S2", "PS-S5"},
         "Allow TCP 443 inbound from Any to the Web Conferencing Edge external address",
         ProbeSide::external,
         M::tcp_connect,
         T::tcp},
        {R::av_media_federation,  // PORT-EXT-09
         "The A/V Edge can open TCP 50000-59999 toward the Internet",
         Severity::must,
         {"FED", "PIC-WLM"},
         {"PS-S1", "AVFW"},
         "Allow TCP 50000-59999 outbound from the A/V Edge to Any",
         ProbeSide::edge,
         M::token_echo,
         T::tcp},
        {R::av_media_ocs2007,  // PORT-EXT-10
         "The A/V Edge can send UDP 50000-59999 toward the Internet",
         Severity::must,
         {"FED-OCS2007"},
         {"PS-S1", "AVFW"},
         "Allow UDP 50000-59999 outbound from the A/V Edge to Any (OCS 2007 partners)",
         ProbeSide::edge,
         M::token_echo,
         T::udp},
        {R::av_stun_outbound,  // PORT-EXT-11
         "The A/V Edge can send UDP 3478 toward the Internet",
         Severity::must,
         {"FED", "PIC-WLM"},
         {"PS-S1", "AVFW"},
         "Allow UDP 3478 outbound from the A/V Edge to Any",
         ProbeSide::edge,
         M::token_echo,
         T::udp},
        {R::av_turn_udp,  // PORT-EXT-12
         "UDP 3478 from the Internet reaches the A/V Edge (STUN/MS-TURN answers)",
         Severity::must,
         {"EXT", "FED", "PIC-WLM"},
         {"PS-S1", "PS-S2", "PS-S5", "AVFW"},
         "Allow UDP 3478 inbound from Any to the A/V Edge external (public) address",
         ProbeSide::external,
         M::stun,
         T::udp},
        {R::av_turn_tcp,  // PORT-EXT-13
         "TCP 443 (STUN/MS-TURN over TCP) from the Internet reaches the A/V Edge",
         Severity::must,
         {"EXT", "FED"},
         {"PS-S1", "PS-S2", "PS-S5", "AVFW"},
         "Allow TCP 443 inbound from Any to the A/V Edge external (public) address",
         ProbeSide::external,
         M::tcp_connect,
         T::tcp},
        {R::av_turn_tcp_outbound,  // PORT-EXT-14
         "The A/V Edge can open TCP 443 toward the Internet",
         Severity::must,
         {"FED"},
         {"PS-S1", "AVFW"},
         "Allow TCP 443 outbound from the A/V Edge to Any",
         ProbeSide::edge,
         M::token_echo,
         T::tcp},
        {R::internal_xmpp_gateway,  // PORT-INT-01
         "TCP 23456 reaches each Edge member internal interface (XMPP gateway)",
         Severity::must,
         {"XMPP"},
         {"PS-S1", "PS-XMPP", "HLBREQ"},
         "Allow TCP 23456 from the XMPP gateway Front End servers to each Edge internal address",
         ProbeSide::internal,
         M::tcp_connect,
         T::tcp},
        {R::internal_sip_inbound,  // PORT-INT-02
         "TCP 5061 (SIP/MTLS) from the next hop reaches the Edge internal interface",
         Severity::must,
         {"S1", "S2", "S3", "S4", "S5"},
         {"PS-S1", "PS-S5"},
         "Allow TCP 5061 from the Director or Front End pool to the Edge internal interface",
         ProbeSide::internal,
         M::tcp_connect,
         T::tcp},
        {R::internal_sip_outbound,  // PORT-INT-03
         "The Edge internal interface can open TCP 5061 toward the next hop",
         Severity::must,
         {"S1", "S2", "S3", "S4", "S5"},
         {"PS-S1", "PS-S5"},
         "Allow TCP 5061 from the Edge internal interface to the Director or Front End pool",
         ProbeSide::edge,
         M::token_echo,
         T::tcp},
        {R::internal_psom,  // PORT-INT-04
         "TCP 8057 (PSOM/MTLS) reaches each Edge member internal interface",
         Severity::must,
         {"EXT"},
         {"PS-S1", "HLBREQ"},
         "Allow TCP 8057 from every Front End server to each Edge internal address",
         ProbeSide::internal,
         M::tcp_connect,
         T::tcp},
        {R::internal_mras,  // PORT-INT-05
         "TCP 5062 (MRAS) reaches the Edge internal interface",
         Severity::must,
         {"EXT"},
         {"PS-S1", "PS-S5"},
         "Allow TCP 5062 from the Front End pools and SBAs to the Edge internal interface",
         ProbeSide::internal,
         M::tcp_connect,
         T::tcp},
        {R::internal_turn_udp,  // PORT-INT-06
         "UDP 3478 reaches the Edge internal interface (STUN/MS-TURN answers)",
         Severity::must,
         {"EXT"},
         {"PS-S1", "PS-S5"},
         "Allow UDP 3478 from Any internal to the Edge internal interface",
         ProbeSide::internal,
         M::stun,
         T::udp},
        {R::internal_turn_tcp,  // PORT-INT-07
         "TCP 443 (STUN/MS-TURN over TCP) reaches the Edge internal interface",
         Severity::must,
         {"EXT"},
         {"PS-S1", "PS-S5"},
         "Allow TCP 443 from Any internal to the Edge internal interface",
         ProbeSide::internal,
         M::tcp_connect,
         T::tcp},
        {R::internal_replication,  // PORT-INT-08
         "TCP 4443 (CMS replication) reaches the Edge internal interface",
         Severity::must,
         {"S1", "S2", "S3", "S4", "S5"},
         {"PS-S1"},
         "Allow TCP 4443 from the Central Management store pool to the Edge internal interface",
         ProbeSide::internal,
         M::tcp_connect,
         T::tcp},
        {R::internal_logging,  // PORT-INT-09
         "TCP 50001-50003 (Centralized Logging Service) reach the Edge internal interface",
         Severity::should,
         {"S1", "S2", "S3", "S4", "S5"},
         {"PS-S1"},
         "Allow TCP 50001, 50002 and 50003 from the internal network to the Edge internal "
         "interface",
         ProbeSide::internal,
         M::tcp_connect,
         T::tcp},
    };
    return rows;
}

PortProbeMode mode_of(ProbeSide side) {
    switch (side) {
        case ProbeSide::external:
            return PortProbeMode::inbound_external;
        case ProbeSide::internal:
            return PortProbeMode::inbound_internal;
        case ProbeSide::edge:
            return PortProbeMode::outbound_edge;
    }
    return PortProbeMode::inbound_external;
}

}  // namespace

std::vector<std::unique_ptr<Check>> make_port_checks() {
    std::vector<std::unique_ptr<Check>> checks;
    for (const PortCheckRow& row : port_rows()) {
        PortRuleSpec spec;
        spec.info.id = topology::catalogue_id(row.role);
        spec.info.title = row.title;
        spec.info.area = "ports";
        spec.info.kind =
            row.transport == topology::Transport::udp ? CheckKind::udp : CheckKind::tcp;
        spec.info.severity = row.severity;
        spec.info.scenarios = row.scenarios;
        for (const std::string& key : row.citations) spec.info.citations.push_back(cite(key));
        spec.info.remediation = row.remediation;
        spec.role = row.role;
        spec.mode = mode_of(row.side);
        spec.method = row.method;
        spec.transport = row.transport;
        checks.push_back(std::make_unique<PortRuleCheck>(std::move(spec)));
    }
    return checks;
}

}  // namespace edgeplan::checks::ports_live
