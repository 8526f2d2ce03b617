#include "topology/plan.h"

namespace edgeplan::topology {

const char* to_string(DnsZoneKind kind) {
    return kind == DnsZoneKind::external ? "external" : "internal";
}

const char* to_string(DnsRecordType type) {
    switch (type) {
        case DnsRecordType::a:
            return "A";
        case DnsRecordType::aaaa:
            return "AAAA";
        case DnsRecordType::srv:
            return "SRV";
        case DnsRecordType::cname:
            return "CNAME";
    }
    return "?";
}

const char* to_string(FirewallSide side) {
    return side == FirewallSide::external ? "external" : "internal";
}

const char* to_string(Direction direction) {
    return direction == Direction::inbound ? "inbound" : "outbound";
}

const char* short_name(Direction direction) {
    return direction == Direction::inbound ? "in" : "out";
}

std::string port_range_text(const FirewallRule& rule) {
    if (rule.port_to == rule.port_from || rule.port_to == 0) return std::to_string(rule.port_from);
    return std::to_string(rule.port_from) + "-" + std::to_string(rule.port_to);
}

const char* to_string(Transport transport) { return transport == Transport::tcp ? "tcp" : "udp"; }

const char* to_string(EndpointScope scope) {
    switch (scope) {
        case EndpointScope::addresses:
            return "addresses";
        case EndpointScope::any:
            return "any";
        case EndpointScope::unknown:
            return "unknown";
    }
    return "?";
}

const char* to_string(ExtendedKeyUsage eku) {
    return eku == ExtendedKeyUsage::server_auth ? "serverAuth" : "clientAuth";
}

}  // namespace edgeplan::topology
