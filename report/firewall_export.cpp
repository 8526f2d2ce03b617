// --emit-firewall: the plan's rules as a CSV table for change requests and as an nftables
// ruleset. The ruleset has regular chains only (no hooks, no policy), so loading it never
// changes what the host accepts until the administrator jumps to a chain from a base chain.
#include <sstream>

#include "report/atomic_file.h"
#include "report/export_text.h"
#include "report/exports.h"
#include "topology/ip_address.h"

namespace edgeplan::report {
namespace {

using topology::FirewallRule;

std::string ports_text(const FirewallRule& r) {
    if (r.port_to == r.port_from) return std::to_string(r.port_from);
    return std::to_string(r.port_from) + "-" + std::to_string(r.port_to);
}

std::string endpoint_text(const topology::RuleEndpoint& e) {
    std::string out = e.label;
    if (!e.addresses.empty()) {
        out += " (";
        for (std::size_t i = 0; i < e.addresses.size(); ++i) {
            out += (i ? " " : "") + e.addresses[i];
        }
        out += ")";
    }
    return out;
}

// RFC 4180 quoting; a leading = + - @ is defused so spreadsheets do not run it as a formula.
std::string csv_cell(const std::string& text) {
    std::string value = export_text::comment_text(text);
    if (!value.empty() &&
        (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@')) {
        value = "'" + value;
    }
    std::string out = "\"";
    for (const char c : value) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string firewall_csv(const topology::Plan& plan) {
    std::ostringstream out;
    out << "side,direction,transport,ports,source,destination,purpose,rule\r\n";
    for (const FirewallRule& r : plan.firewall) {
        out << csv_cell(topology::to_string(r.side)) << ","
            << csv_cell(topology::to_string(r.direction)) << ","
            << csv_cell(topology::to_string(r.transport)) << "," << csv_cell(ports_text(r)) << ","
            << csv_cell(endpoint_text(r.source)) << "," << csv_cell(endpoint_text(r.destination))
            << "," << csv_cell(r.row + ": " + r.purpose + " (pool " + r.pool_id + ")") << ","
            << csv_cell(r.rule) << "\r\n";
    }
    return out.str();
}

// nft comments are quoted strings of at most 128 bytes.
std::string nft_comment(const std::string& text) {
    std::string out;
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') out += ch;
        if (out.size() == 120) break;
    }
    return out;
}

std::vector<std::string> of_family(const std::vector<std::string>& addresses,
                                   topology::IpFamily family) {
    std::vector<std::string> out;
    for (const std::string& a : addresses) {
        const auto ip = topology::parse_ip(a);
        if (ip && ip->family == family) out.push_back(ip->text);
    }
    return out;
}

std::string address_match(const char* keyword, const char* direction,
                          const std::vector<std::string>& addresses) {
    std::string out = std::string(keyword) + " " + direction + " { ";
    for (std::size_t i = 0; i < addresses.size(); ++i) out += (i ? ", " : "") + addresses[i];
    return out + " } ";
}

void nft_rules(const FirewallRule& r, std::ostringstream& out) {
    if (r.port_from < 1 || r.port_to > 65535 || r.port_from > r.port_to) {
        out << "\t\t# skipped " << nft_comment(r.row + " " + r.rule) << ": port "
            << nft_comment(ports_text(r)) << " out of range\n";
        return;
    }
    const std::string tail =
        std::string(topology::to_string(r.transport)) + " dport " + ports_text(r) +
        " accept comment \"" +
        nft_comment(r.row + " " + r.rule + " " + r.pool_id + ": " + r.purpose) + "\"\n";
    if (r.source.addresses.empty() && r.destination.addresses.empty()) {
        out << "\t\t" << tail;
        return;
    }
    static const struct {
        topology::IpFamily family;
        const char* keyword;
    } families[] = {{topology::IpFamily::v4, "ip"}, {topology::IpFamily::v6, "ip6"}};
    for (const auto& f : families) {
        const auto source = of_family(r.source.addresses, f.family);
        const auto destination = of_family(r.destination.addresses, f.family);
        // A side that names addresses, none of this family, rules the family out.
        if (!r.source.addresses.empty() && source.empty()) continue;
        if (!r.destination.addresses.empty() && destination.empty()) continue;
        out << "\t\t";
        if (!source.empty()) out << address_match(f.keyword, "saddr", source);
        if (!destination.empty()) out << address_match(f.keyword, "daddr", destination);
        out << tail;
    }
}

std::string firewall_nft(const topology::Plan& plan) {
    std::ostringstream out;
    out << "#!/usr/sbin/nft -f\n"
        << "# edgeplan: Edge firewall rules. Regular chains only: jump to them from your base\n"
        << "# chains, e.g. iifname \"ext0\" jump external_inbound.\n"
        << "table inet edgeplan\n"
        << "flush table inet edgeplan\n\n"
        << "table inet edgeplan {\n";
    static const struct {
        topology::FirewallSide side;
        topology::Direction direction;
    } chains[] = {{topology::FirewallSide::external, topology::Direction::inbound},
                  {topology::FirewallSide::external, topology::Direction::outbound},
                  {topology::FirewallSide::internal, topology::Direction::inbound},
                  {topology::FirewallSide::internal, topology::Direction::outbound}};
    for (const auto& chain : chains) {
        out << "\tchain " << topology::to_string(chain.side) << "_"
            << topology::to_string(chain.direction) << " {\n";
        for (const FirewallRule& r : plan.firewall) {
            if (r.side == chain.side && r.direction == chain.direction) nft_rules(r, out);
        }
        out << "\t}\n";
    }
    out << "}\n";
    return out.str();
}

}  // namespace

std::vector<std::string> write_firewall_files(const topology::Plan& plan, const std::string& dir) {
    ensure_directory(dir);
    const std::string csv = export_text::join(dir, "firewall.csv");
    const std::string nft = export_text::join(dir, "firewall.nft");
    write_file_atomically(csv, firewall_csv(plan));
    write_file_atomically(nft, firewall_nft(plan));
    return {csv, nft};
}

}  // namespace edgeplan::report
