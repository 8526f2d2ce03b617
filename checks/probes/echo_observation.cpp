// JSON and equality for token-echo results (Observations::token_echo), so --record / --replay
// carry the --from edge probes too (docs/responder.md).
#include <tuple>

#include <nlohmann/json.hpp>

#include "checks/probes/observation.h"

namespace edgeplan::checks::probes {
namespace {

topology::Transport transport_from(const std::string& text) {
    if (text == "tcp") return topology::Transport::tcp;
    if (text == "udp") return topology::Transport::udp;
    throw ObservationFormatError("token_echo transport must be tcp or udp, not '" + text + "'");
}

EchoStatus status_from(const std::string& text) {
    for (EchoStatus s : {EchoStatus::echoed, EchoStatus::wrong_answer, EchoStatus::closed,
                         EchoStatus::silent, EchoStatus::error}) {
        if (text == to_string(s)) return s;
    }
    throw ObservationFormatError("unknown token_echo status '" + text + "'");
}

}  // namespace

bool operator==(const EchoTarget& a, const EchoTarget& b) {
    return std::tie(a.address, a.port, a.transport) == std::tie(b.address, b.port, b.transport);
}

bool operator==(const EchoResult& a, const EchoResult& b) {
    return a.target == b.target && std::tie(a.status, a.detail, a.role, a.elapsed_ms) ==
                                       std::tie(b.status, b.detail, b.role, b.elapsed_ms);
}

void to_json(nlohmann::json& json, const EchoTarget& value) {
    json = {{"address", value.address},
            {"port", value.port},
            {"transport", topology::to_string(value.transport)}};
}

void from_json(const nlohmann::json& json, EchoTarget& value) {
    try {
        value = EchoTarget{};
        value.address = json.at("address").get<std::string>();
        value.port = json.at("port").get<int>();
        if (value.port < 1 || value.port > 65535) {
            throw ObservationFormatError("token_echo port must be 1..65535");
        }
        value.transport = transport_from(json.at("transport").get<std::string>());
    } catch (const nlohmann::json::exception& e) {
        throw ObservationFormatError(std::string("token_echo target: ") + e.what());
    }
}

void to_json(nlohmann::json& json, const EchoResult& value) {
    json = {{"target", value.target},
            {"status", to_string(value.status)},
            {"detail", value.detail},
            {"role", value.role},
            {"elapsed_ms", value.elapsed_ms}};
}

void from_json(const nlohmann::json& json, EchoResult& value) {
    try {
        value = EchoResult{};
        value.target = json.at("target").get<EchoTarget>();
        value.status = status_from(json.at("status").get<std::string>());
        value.detail = json.value("detail", std::string{});
        value.role = json.value("role", std::string{});
        value.elapsed_ms = json.value("elapsed_ms", std::int64_t{0});
    } catch (const nlohmann::json::exception& e) {
        throw ObservationFormatError(std::string("token_echo result: ") + e.what());
    }
}

}  // namespace edgeplan::checks::probes
