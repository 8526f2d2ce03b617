#include "checks/probes/observation.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <iterator>
#include <string>
#include <tuple>
#include <utility>

#include <nlohmann/json.hpp>

#include "checks/probes/observation_json.h"

namespace edgeplan::checks::probes {

namespace {

using namespace json_fields;

constexpr std::array<std::pair<DnsType, const char*>, 4> kDnsTypes{{
    {DnsType::A, "A"},
    {DnsType::AAAA, "AAAA"},
    {DnsType::SRV, "SRV"},
    {DnsType::CNAME, "CNAME"},
}};

constexpr std::array<std::pair<DnsOutcome, const char*>, 8> kDnsOutcomes{{
    {DnsOutcome::ok, "ok"},
    {DnsOutcome::nxdomain, "nxdomain"},
    {DnsOutcome::nodata, "nodata"},
    {DnsOutcome::servfail, "servfail"},
    {DnsOutcome::refused, "refused"},
    {DnsOutcome::timeout, "timeout"},
    {DnsOutcome::network_error, "network_error"},
    {DnsOutcome::malformed, "malformed"},
}};

constexpr std::array<std::pair<TcpOutcome, const char*>, 5> kTcpOutcomes{{
    {TcpOutcome::open, "open"},
    {TcpOutcome::closed, "closed"},
    {TcpOutcome::filtered, "filtered"},
    {TcpOutcome::unreachable, "unreachable"},
    {TcpOutcome::local_error, "local_error"},
}};

}  // namespace

const char* to_string(DnsType type) { return name_of(kDnsTypes, type); }
const char* to_string(DnsOutcome outcome) { return name_of(kDnsOutcomes, outcome); }
const char* to_string(TcpOutcome outcome) { return name_of(kTcpOutcomes, outcome); }

bool DnsQuery::operator==(const DnsQuery& other) const {
    return std::tie(name, type, server) == std::tie(other.name, other.type, other.server);
}
bool SrvRecord::operator==(const SrvRecord& other) const {
    return std::tie(priority, weight, port, target) ==
           std::tie(other.priority, other.weight, other.port, other.target);
}
bool DnsAnswer::operator==(const DnsAnswer& other) const {
    return std::tie(query, outcome, addresses, srv, cname_chain, truncated_retry_over_tcp,
                    elapsed_ms, detail) ==
           std::tie(other.query, other.outcome, other.addresses, other.srv, other.cname_chain,
                    other.truncated_retry_over_tcp, other.elapsed_ms, other.detail);
}
bool TcpProbe::operator==(const TcpProbe& other) const {
    return std::tie(address, port, source_address) ==
           std::tie(other.address, other.port, other.source_address);
}
bool TcpObservation::operator==(const TcpObservation& other) const {
    return std::tie(probe, outcome, elapsed_ms, detail) ==
           std::tie(other.probe, other.outcome, other.elapsed_ms, other.detail);
}
bool UdpStunProbe::operator==(const UdpStunProbe& other) const {
    return std::tie(address, port) == std::tie(other.address, other.port);
}
bool StunOutcome::operator==(const StunOutcome& other) const {
    return std::tie(binding_answered, msturn_allocate_answered, error_code, mapped_address, silence,
                    port_unreachable, malformed_responses) ==
           std::tie(other.binding_answered, other.msturn_allocate_answered, other.error_code,
                    other.mapped_address, other.silence, other.port_unreachable,
                    other.malformed_responses);
}
bool StunObservation::operator==(const StunObservation& other) const {
    return std::tie(probe, outcome, elapsed_ms, detail) ==
           std::tie(other.probe, other.outcome, other.elapsed_ms, other.detail);
}
bool Observations::operator==(const Observations& other) const {
    return std::tie(dns, tcp, stun, tls, xmpp, token_echo) ==
           std::tie(other.dns, other.tcp, other.stun, other.tls, other.xmpp, other.token_echo);
}

void to_json(nlohmann::json& json, const DnsQuery& value) {
    json = {{"name", value.name}, {"type", to_string(value.type)}, {"server", value.server}};
}
void from_json(const nlohmann::json& json, DnsQuery& value) {
    value.name = json.at("name").get<std::string>();
    value.type = value_of(kDnsTypes, json.at("type"), "DNS type");
    value.server = json.at("server").get<std::string>();
}

void to_json(nlohmann::json& json, const SrvRecord& value) {
    json = {{"priority", value.priority},
            {"weight", value.weight},
            {"port", value.port},
            {"target", value.target}};
}
void from_json(const nlohmann::json& json, SrvRecord& value) {
    value.priority = get_u16(json, "priority");
    value.weight = get_u16(json, "weight");
    value.port = get_u16(json, "port");
    value.target = json.at("target").get<std::string>();
}

void to_json(nlohmann::json& json, const DnsAnswer& value) {
    json = {{"query", value.query},
            {"outcome", to_string(value.outcome)},
            {"addresses", value.addresses},
            {"srv", value.srv},
            {"cname_chain", value.cname_chain},
            {"truncated_retry_over_tcp", value.truncated_retry_over_tcp},
            {"elapsed_ms", value.elapsed_ms},
            {"detail", value.detail}};
}
void from_json(const nlohmann::json& json, DnsAnswer& value) {
    value = DnsAnswer{};
    value.query = json.at("query").get<DnsQuery>();
    value.outcome = value_of(kDnsOutcomes, json.at("outcome"), "DNS outcome");
    get_or(json, "addresses", value.addresses);
    for (const std::string& address : value.addresses) ip_field(address, "addresses");
    get_or(json, "srv", value.srv);
    get_or(json, "cname_chain", value.cname_chain);
    get_or(json, "truncated_retry_over_tcp", value.truncated_retry_over_tcp);
    get_or(json, "elapsed_ms", value.elapsed_ms);
    get_or(json, "detail", value.detail);
}

void to_json(nlohmann::json& json, const TcpProbe& value) {
    json = {{"address", value.address}, {"port", value.port}};
    put_optional(json, "source_address", value.source_address);
}
void from_json(const nlohmann::json& json, TcpProbe& value) {
    value.address = ip_field(json.at("address"), "address");
    value.port = get_u16(json, "port");
    get_optional(json, "source_address", value.source_address);
    if (value.source_address) ip_field(*value.source_address, "source_address");
}

void to_json(nlohmann::json& json, const TcpObservation& value) {
    json = {{"probe", value.probe},
            {"outcome", to_string(value.outcome)},
            {"elapsed_ms", value.elapsed_ms},
            {"detail", value.detail}};
}
void from_json(const nlohmann::json& json, TcpObservation& value) {
    value = TcpObservation{};
    value.probe = json.at("probe").get<TcpProbe>();
    value.outcome = value_of(kTcpOutcomes, json.at("outcome"), "TCP outcome");
    get_or(json, "elapsed_ms", value.elapsed_ms);
    get_or(json, "detail", value.detail);
}

void to_json(nlohmann::json& json, const UdpStunProbe& value) {
    json = {{"address", value.address}, {"port", value.port}};
}
void from_json(const nlohmann::json& json, UdpStunProbe& value) {
    value.address = ip_field(json.at("address"), "address");
    value.port = get_u16(json, "port");
}

void to_json(nlohmann::json& json, const StunOutcome& value) {
    json = {{"binding_answered", value.binding_answered},
            {"msturn_allocate_answered", value.msturn_allocate_answered},
            {"silence", value.silence},
            {"port_unreachable", value.port_unreachable},
            {"malformed_responses", value.malformed_responses}};
    put_optional(json, "error_code", value.error_code);
    put_optional(json, "mapped_address", value.mapped_address);
}
void from_json(const nlohmann::json& json, StunOutcome& value) {
    value = StunOutcome{};
    value.binding_answered = json.at("binding_answered").get<bool>();
    value.msturn_allocate_answered = json.at("msturn_allocate_answered").get<bool>();
    value.silence = json.at("silence").get<bool>();
    get_or(json, "port_unreachable", value.port_unreachable);
    get_or(json, "malformed_responses", value.malformed_responses);
    get_optional(json, "error_code", value.error_code);
    get_optional(json, "mapped_address", value.mapped_address);
}

void to_json(nlohmann::json& json, const StunObservation& value) {
    json = {{"probe", value.probe},
            {"outcome", value.outcome},
            {"elapsed_ms", value.elapsed_ms},
            {"detail", value.detail}};
}
void from_json(const nlohmann::json& json, StunObservation& value) {
    value = StunObservation{};
    value.probe = json.at("probe").get<UdpStunProbe>();
    value.outcome = json.at("outcome").get<StunOutcome>();
    get_or(json, "elapsed_ms", value.elapsed_ms);
    get_or(json, "detail", value.detail);
}

void to_json(nlohmann::json& json, const Observations& value) {
    json = {{"dns", value.dns}, {"tcp", value.tcp},   {"stun", value.stun},
            {"tls", value.tls}, {"xmpp", value.xmpp}, {"token_echo", value.token_echo}};
}
void from_json(const nlohmann::json& json, Observations& value) {
    value = Observations{};
    if (!json.is_object()) throw ObservationFormatError("observations must be a JSON object");
    get_or(json, "dns", value.dns);
    get_or(json, "tcp", value.tcp);
    get_or(json, "stun", value.stun);
    get_or(json, "tls", value.tls);
    get_or(json, "xmpp", value.xmpp);
    get_or(json, "token_echo", value.token_echo);
}

std::string observations_to_json_text(const Observations& observations) {
    return nlohmann::json(observations).dump(2) + "\n";
}

Observations observations_from_json_text(const std::string& text) {
    try {
        return nlohmann::json::parse(text).get<Observations>();
    } catch (const nlohmann::json::exception& error) {
        // Keep nlohmann's exception inside this layer (STYLE.md: own exception type).
        throw ObservationFormatError(std::string("observations: ") + error.what());
    }
}

std::set<std::string> silent_dns_servers(const Observations& observations) {
    std::set<std::string> asked;
    std::set<std::string> answered;
    for (const DnsAnswer& answer : observations.dns) {
        asked.insert(answer.query.server);
        if (answer.outcome != DnsOutcome::timeout && answer.outcome != DnsOutcome::network_error) {
            answered.insert(answer.query.server);
        }
    }
    std::set<std::string> silent;
    std::set_difference(asked.begin(), asked.end(), answered.begin(), answered.end(),
                        std::inserter(silent, silent.end()));
    return silent;
}

}  // namespace edgeplan::checks::probes
