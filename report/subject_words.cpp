#include "report/subject_words.h"

#include <utility>

namespace edgeplan::report {
namespace {

bool starts_with(const std::string& s, const std::string& prefix) {
    return s.compare(0, prefix.size(), prefix) == 0;
}

// "name/TYPE" -> {name, TYPE}; the whole string and "" when there is no '/'.
std::pair<std::string, std::string> split_last(const std::string& s, char separator) {
    const auto at = s.rfind(separator);
    if (at == std::string::npos) return {s, ""};
    return {s.substr(0, at), s.substr(at + 1)};
}

std::string endpoint_words(const char* what, const std::string& rest) {
    const auto [ip, port] = split_last(rest, ':');
    if (port.empty()) return std::string(what) + " " + rest;
    return std::string(what) + " port " + port + " on " + ip;
}

std::string tls_role_words(const std::string& role) {
    if (role == "access_client") return "Access Edge (clients)";
    if (role == "access_federation") return "Access Edge (federation)";
    if (role == "webconf") return "Web Conferencing Edge";
    if (role == "internal_sip") return "internal SIP";
    return role;
}

}  // namespace

std::string subject_in_words(const std::string& subject) {
    static const std::pair<const char*, const char*> simple[] = {
        {"site:", "site "},
        {"pool:", "pool "},
        {"member:", "Edge Server "},
        {"internal-pool:", "internal pool "},
        {"domain:", "SIP domain "},
        {"xmpp-domain:", "XMPP domain "},
        {"partner:", "federation partner "},
        {"xmpp-partner:", "XMPP partner "},
        {"provider:", "public IM provider "},
        {"policy:", "external access policy "},
        {"file:", "certificate file "},
    };
    if (subject == "topology") return "the whole topology";
    for (const auto& [prefix, words] : simple) {
        if (starts_with(subject, prefix))
            return words + subject.substr(std::char_traits<char>::length(prefix));
    }
    if (starts_with(subject, "cert:")) {
        const auto [pool, use] = split_last(subject.substr(5), '/');
        return use.empty() ? "certificate of pool " + pool : use + " certificate of pool " + pool;
    }
    if (starts_with(subject, "dns:")) {
        const auto [name, type] = split_last(subject.substr(4), '/');
        return type.empty() ? "DNS name " + name : "DNS " + type + " record " + name;
    }
    if (starts_with(subject, "plan:")) {
        // plan:<name>/<TYPE>=<address>
        const std::string rest = subject.substr(5);
        const auto eq = rest.find('=');
        const auto [name, type] = split_last(rest.substr(0, eq), '/');
        std::string out =
            "planned DNS " + (type.empty() ? std::string("record") : type + " record") + " " + name;
        if (eq != std::string::npos) out += " -> " + rest.substr(eq + 1);
        return out;
    }
    if (starts_with(subject, "tcp:")) return endpoint_words("TCP", subject.substr(4));
    if (starts_with(subject, "udp:")) return endpoint_words("UDP", subject.substr(4));
    if (starts_with(subject, "tls:")) return endpoint_words("TLS", subject.substr(4));
    if (starts_with(subject, "xmpp:")) {
        const auto [endpoint, domain] = split_last(subject.substr(5), '/');
        std::string out = endpoint_words("XMPP", endpoint);
        if (!domain.empty()) out += " for " + domain;
        return out;
    }
    if (starts_with(subject, "tls-pool:")) {
        const auto [pool, role] = split_last(subject.substr(9), '/');
        return tls_role_words(role) + " TLS service of the members of pool " + pool;
    }
    if (starts_with(subject, "waiver:")) {
        const std::string rest = subject.substr(7);
        const auto slash = rest.find('/');
        if (slash == std::string::npos) return "waiver " + rest;
        return "waiver of " + rest.substr(0, slash) + " for " +
               subject_in_words(rest.substr(slash + 1));
    }
    if (starts_with(subject, "unknown:")) {
        // unknown:<rule>:<element subject>[#n] (checks/topology/plan_unknowns.cpp)
        std::string rest = subject.substr(8);
        const auto colon = rest.find(':');
        if (colon == std::string::npos) return "missing fact for " + rest;
        const std::string rule = rest.substr(0, colon);
        std::string element = rest.substr(colon + 1);
        const auto hash = element.rfind('#');
        if (hash != std::string::npos) element.erase(hash);
        return "missing fact for " + rule + " about " + subject_in_words(element);
    }
    return subject;
}

std::string area_in_words(const std::string& area) {
    if (area == "pic") return "public IM (PIC)";
    if (area == "dns") return "DNS";
    if (area == "xmpp") return "XMPP";
    if (area == "nat") return "NAT";
    std::string out = area;
    for (char& ch : out) {
        if (ch == '_') ch = ' ';
    }
    return out;
}

}  // namespace edgeplan::report
