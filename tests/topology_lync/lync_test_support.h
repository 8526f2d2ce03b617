#pragma once
// Helpers shared by the Lync importer tests: file access, re-encoding, and a one-line-per-fact
// text form of a Model so expectations read like the export they came from.
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "topology/loader.h"
#include "topology/model.h"

namespace edgeplan::topology::lync_test {

inline std::string real_dir() { return std::string(EDGEPLAN_SHARED_DIR) + "/real-topologies"; }
inline std::string source_dir() { return EDGEPLAN_SOURCE_DIR; }

inline bool exists(const std::string& path) { return std::ifstream(path).good(); }

inline std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

inline Model load_file(const std::string& path) {
    LoadRequest request;
    request.topology_path = path;
    return load_model(request);
}

inline Model load_text(const std::string& name, const std::string& bytes) {
    LoadRequest request;
    request.topology_path = name;
    request.topology_text = bytes;
    return load_model(request);
}

// --- Re-encoding -------------------------------------------------------------------------

inline std::string strip_utf8_bom(const std::string& text) {
    return text.rfind("\xEF\xBB\xBF", 0) == 0 ? text.substr(3) : text;
}

inline std::string to_lf(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c != '\r') out += c;
    }
    return out;
}

inline std::string to_crlf(const std::string& text) {
    std::string out;
    for (char c : to_lf(text)) {
        if (c == '\n') out += '\r';
        out += c;
    }
    return out;
}

inline std::vector<uint32_t> utf8_code_points(const std::string& text) {
    std::vector<uint32_t> out;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        const int extra = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
        uint32_t cp = extra == 0 ? c : c & (0x3F >> extra);
        for (int k = 1; k <= extra; ++k) cp = (cp << 6) | (text[i + k] & 0x3F);
        out.push_back(cp);
        i += 1 + extra;
    }
    return out;
}

inline std::string to_utf16(const std::string& utf8, bool big_endian) {
    std::string out = big_endian ? std::string("\xFE\xFF") : std::string("\xFF\xFE");
    auto put = [&](uint32_t unit) {
        const char hi = static_cast<char>(unit >> 8);
        const char lo = static_cast<char>(unit & 0xFF);
        out += big_endian ? hi : lo;
        out += big_endian ? lo : hi;
    };
    for (uint32_t cp : utf8_code_points(strip_utf8_bom(utf8))) {
        if (cp >= 0x10000) {
            put(0xD800 + ((cp - 0x10000) >> 10));
            put(0xDC00 + ((cp - 0x10000) & 0x3FF));
        } else {
            put(cp);
        }
    }
    return out;
}

// --- Model as text ---------------------------------------------------------------------------

inline std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items) out += (out.empty() ? "" : ",") + item;
    return out;
}

inline std::string at(const SourceLocation& where, bool with_locations) {
    if (!with_locations) return "";
    return " @" + std::to_string(where.line) + ":" + std::to_string(where.column);
}

inline std::string address(const ServiceAddress& a, bool loc) {
    return join(a.ips) + (a.public_ips.empty() ? "" : ">" + join(a.public_ips)) + at(a.where, loc);
}

inline std::string describe_edge_ports(const EdgePorts& p) {
    std::ostringstream out;
    out << "client=" << p.access_client << " fed=" << p.access_federation
        << " webconf=" << p.webconf << " tcp=" << p.av_tcp << " udp=" << p.av_udp
        << " media=" << p.media_start << "+" << p.media_count << " xmpp=" << p.xmpp
        << " | sip=" << p.internal_sip << " psom=" << p.internal_psom << " mras=" << p.internal_mras
        << " tcp=" << p.internal_turn_tcp << " udp=" << p.internal_turn_udp
        << " xmpp=" << p.internal_xmpp << " repl=" << p.internal_replication;
    return out.str();
}

inline std::string describe_edge_flags(const EdgePool& pool) {
    std::ostringstream out;
    out << "site=" << pool.site_id << " internal=" << pool.internal_fqdn
        << " lb=" << to_string(pool.load_balancing) << " single_ip=" << pool.single_ip
        << " nat=" << pool.nat << " federation=" << pool.federation << " xmpp=" << pool.xmpp
        << " next_hop=" << pool.next_hop << " associated=" << join(pool.associated_pools);
    return out.str();
}

inline std::string describe_fqdns(const EdgePool& pool) {
    return "access=" + pool.access.fqdn + " webconf=" + pool.webconf.fqdn + " av=" + pool.av.fqdn;
}

inline std::string describe_member(const EdgeMember& m, bool loc = false) {
    return m.internal_fqdn + at(m.where, loc) + " internal=" + join(m.internal_ips) +
           " access=" + address(m.access, loc) + " webconf=" + address(m.webconf, loc) +
           " av=" + address(m.av, loc);
}

inline std::string describe_internal_pool(const InternalPool& pool, bool loc = false) {
    std::string servers;
    for (const Server& s : pool.servers) {
        servers += (servers.empty() ? "" : ",") + s.fqdn + at(s.where, loc) +
                   (s.ips.empty() ? "" : "=" + join(s.ips));
    }
    return pool.id + at(pool.where, loc) + " site=" + pool.site_id + " fqdn=" + pool.fqdn +
           " kind=" + to_string(pool.kind) + " cms=" + std::to_string(pool.hosts_cms) +
           " edge=" + pool.edge_pool + " servers=" + servers;
}

inline std::string describe_domains(const Model& model, bool loc = false) {
    std::vector<std::string> items;
    for (const SipDomain& d : model.sip_domains) {
        items.push_back(d.name + (d.is_default ? "*" : "") + at(d.where, loc));
    }
    return join(items);
}

inline std::string describe_sites(const Model& model, bool loc = false) {
    std::vector<std::string> items;
    for (const Site& s : model.sites) items.push_back(s.id + "=" + s.name + at(s.where, loc));
    return join(items);
}

// Everything the importer fills, with source positions: two imports of the same document in
// different encodings must give the same text.
inline std::string describe_model(const Model& model) {
    std::ostringstream out;
    out << to_string(model.format) << " version=" << model.service_version << at(model.where, true)
        << "\n";
    out << "domains " << describe_domains(model, true) << "\n";
    out << "sites " << describe_sites(model, true) << "\n";
    for (const InternalPool& pool : model.internal_pools) {
        out << "pool " << describe_internal_pool(pool, true) << "\n";
    }
    for (const EdgePool& pool : model.edge_pools) {
        out << "edge " << pool.id << at(pool.where, true) << " " << describe_edge_flags(pool)
            << "\n  " << describe_fqdns(pool) << at(pool.access.where, true)
            << at(pool.webconf.where, true) << at(pool.av.where, true) << "\n  "
            << describe_edge_ports(pool.ports) << "\n";
        for (const EdgeMember& m : pool.members) out << "  " << describe_member(m, true) << "\n";
    }
    return out.str();
}

}  // namespace edgeplan::topology::lync_test
