#pragma once
// Helpers shared by the JSON of the observation files (observation.cpp, tls_observation.cpp):
// enum names from one table, and field readers that refuse what nlohmann would silently narrow.
// Internal to checks/probes: errors are ObservationFormatError, like the rest of that layer.
#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>

#include <nlohmann/json.hpp>

#include "checks/probes/observation.h"
#include "topology/ip_address.h"

namespace edgeplan::checks::probes::json_fields {

// One table per enum keeps the JSON names and to_string() the same words.
template <typename Enum, std::size_t N>
const char* name_of(const std::array<std::pair<Enum, const char*>, N>& table, Enum value) {
    for (const auto& [item, name] : table) {
        if (item == value) return name;
    }
    return "unknown";
}

template <typename Enum, std::size_t N>
Enum value_of(const std::array<std::pair<Enum, const char*>, N>& table, const nlohmann::json& json,
              const char* what) {
    if (!json.is_string()) throw ObservationFormatError(std::string(what) + " must be a string");
    const auto text = json.get<std::string>();
    for (const auto& [item, name] : table) {
        if (text == name) return item;
    }
    throw ObservationFormatError("unknown " + std::string(what) + " '" + text + "'");
}

// nlohmann turns a JSON float into an integer by static_cast, which is undefined behaviour out
// of range (found by tests/fuzz observation_fuzz): integer fields take JSON integers that fit.
template <typename T>
T read_value(const nlohmann::json& value, const char* key) {
    if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
        if (value.is_number_unsigned()) {
            const auto number = value.get<std::uint64_t>();
            if (number <= static_cast<std::uint64_t>(std::numeric_limits<T>::max())) {
                return static_cast<T>(number);
            }
        } else if (value.is_number_integer()) {
            const auto number = value.get<std::int64_t>();
            if (number >= static_cast<std::int64_t>(std::numeric_limits<T>::min()) &&
                number <= static_cast<std::int64_t>(std::numeric_limits<T>::max())) {
                return static_cast<T>(number);
            }
        }
        throw ObservationFormatError(std::string(key) + " must be an integer that fits " +
                                     std::to_string(sizeof(T) * 8) + " bits");
    } else {
        return value.template get<T>();
    }
}

// An address field: a recording is input like any other, and a replayed "999.1.1.1" must not
// reach the address rules as if a server had answered it.
inline std::string ip_field(const nlohmann::json& value, const char* key) {
    if (!value.is_string()) throw ObservationFormatError(std::string(key) + " must be a string");
    const auto text = value.get<std::string>();
    if (!topology::parse_ip(text)) {
        throw ObservationFormatError(std::string(key) + " '" + text + "' is not an IP address");
    }
    return text;
}

template <typename T>
void put_optional(nlohmann::json& json, const char* key, const std::optional<T>& value) {
    json[key] = value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

template <typename T>
void get_optional(const nlohmann::json& json, const char* key, std::optional<T>& value) {
    const auto it = json.find(key);
    if (it == json.end() || it->is_null()) {
        value.reset();
    } else {
        value = read_value<T>(*it, key);
    }
}

// Optional keys with defaults keep old recordings readable when fields are added.
template <typename T>
void get_or(const nlohmann::json& json, const char* key, T& value) {
    const auto it = json.find(key);
    if (it != json.end()) value = read_value<T>(*it, key);
}

// nlohmann narrows silently (70000 -> 4464); ports and SRV fields must fit 16 bits.
inline std::uint16_t get_u16(const nlohmann::json& json, const char* key) {
    const auto& value = json.at(key);
    if (!value.is_number_unsigned() || value.get<std::uint64_t>() > 0xffff) {
        throw ObservationFormatError(std::string(key) + " must be an integer 0..65535");
    }
    return static_cast<std::uint16_t>(value.get<std::uint64_t>());
}

}  // namespace edgeplan::checks::probes::json_fields
