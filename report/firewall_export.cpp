// --emit-firewall: the plan's rules as a CSV table for change requests, as an nftables ruleset
// and as New-NetFirewallRule commands for each Edge server's own Windows firewall. The ruleset
// has regular chains only (no hooks, no policy), so loading it never changes what the host
// accepts until the administrator jumps to a chain from a base chain.
//
// No allow rule is written without both sides known (docs/exports.md): a side is a list of
// addresses or "any" by design (EndpointScope::any, e.g. federation partners on the Internet).
// A rule with an unknown side is written commented out, with a comment naming the side; the
// CSV marks it `unknown`, and the plan's Unknowns name the missing address.
#include <sstream>

#include "report/atomic_file.h"
#include "report/export_text.h"
#include "report/exports.h"
#include "topology/ip_address.h"

namespace edgeplan::report {
namespace {

using topology::FirewallRule;

using topology::EndpointScope;

// The side of a rule no input states, or empty when both are known.
std::string unknown_side(const FirewallRule& r) {
    const bool source = !r.source.known();
    const bool destination = !r.destination.known();
    if (source && destination) return "source and destination";
    if (source) return "source";
    if (destination) return "destination";
    return {};
}

std::string unknown_note(const FirewallRule& r) {
    std::string out = "not applied: " + unknown_side(r) + " unknown (";
    if (!r.source.known()) out += r.source.label;
    if (!r.source.known() && !r.destination.known()) out += "; ";
    if (!r.destination.known()) out += r.destination.label;
    return out + "); state the address and re-run edgeplan";
}

std::string endpoint_text(const topology::RuleEndpoint& e) {
    if (e.scope == EndpointScope::any) return e.label + " (any by design)";
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

void write_firewall_csv(const topology::Plan& plan, std::ostream& out) {
    out << "side,direction,transport,ports,source,destination,purpose,rule,status\r\n";
    for (const FirewallRule& r : plan.firewall) {
        out << csv_cell(topology::to_string(r.side)) << ","
            << csv_cell(topology::to_string(r.direction)) << ","
            << csv_cell(topology::to_string(r.transport)) << ","
            << csv_cell(topology::port_range_text(r)) << "," << csv_cell(endpoint_text(r.source))
            << "," << csv_cell(endpoint_text(r.destination)) << ","
            << csv_cell(r.row + ": " + r.purpose + " (pool " + r.pool_id + ")") << ","
            << csv_cell(r.rule) << "," << csv_cell(unknown_side(r).empty() ? "apply" : "unknown")
            << "\r\n";
    }
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

bool ports_in_range(const FirewallRule& r) {
    return r.port_from >= 1 && r.port_to <= 65535 && r.port_from <= r.port_to;
}

void nft_rules(const FirewallRule& r, std::ostream& out) {
    if (!ports_in_range(r)) {
        out << "\t\t# skipped " << nft_comment(r.row + " " + r.rule) << ": port "
            << nft_comment(topology::port_range_text(r)) << " out of range\n";
        return;
    }
    const std::string tail =
        std::string(topology::to_string(r.transport)) + " dport " + topology::port_range_text(r) +
        " accept comment \"" +
        nft_comment(r.row + " " + r.rule + " " + r.pool_id + ": " + r.purpose) + "\"\n";
    if (!unknown_side(r).empty()) {
        out << "\t\t# " << export_text::comment_text(r.row + " " + r.rule + " " + unknown_note(r))
            << "\n\t\t# " << tail;
        return;
    }
    static const struct {
        topology::IpFamily family;
        const char* keyword;
    } families[] = {{topology::IpFamily::v4, "ip"}, {topology::IpFamily::v6, "ip6"}};
    bool written = false;
    for (const auto& f : families) {
        const auto source = of_family(r.source.addresses, f.family);
        const auto destination = of_family(r.destination.addresses, f.family);
        // A side that names addresses, none of this family, rules the family out.
        if (r.source.scope == EndpointScope::addresses && source.empty()) continue;
        if (r.destination.scope == EndpointScope::addresses && destination.empty()) continue;
        out << "\t\t";
        if (!source.empty()) out << address_match(f.keyword, "saddr", source);
        if (!destination.empty()) out << address_match(f.keyword, "daddr", destination);
        out << tail;
        written = true;
    }
    if (!written) {
        out << "\t\t# " << export_text::comment_text(r.row + " " + r.rule)
            << " not applied: source and destination share no address family\n";
    }
}

void write_firewall_nft(const topology::Plan& plan, std::ostream& out) {
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
}

std::string ps_quote(const std::string& text) {
    std::string out = "'";
    for (const char ch : export_text::comment_text(text)) {
        out += ch == '\'' ? std::string("''") : std::string(1, ch);
    }
    return out + "'";
}

std::string ps_addresses(const topology::RuleEndpoint& e) {
    if (e.scope == EndpointScope::any) return "Any";
    std::string out;
    for (std::size_t i = 0; i < e.addresses.size(); ++i) {
        out += (i ? "," : "") + ps_quote(e.addresses[i]);
    }
    return out;
}

// One New-NetFirewallRule per rule. The Edge's own side is local (the destination of an
// inbound rule, the source of an outbound one); the port is the local port inbound and the
// remote port outbound. Every member runs the same script: a host matches only the local
// addresses it owns. VIP rows (V*) are the hardware load balancer's, not a host's.
void ps_rule(const FirewallRule& r, std::ostream& out) {
    const bool inbound = r.direction == topology::Direction::inbound;
    const topology::RuleEndpoint& local = inbound ? r.destination : r.source;
    const topology::RuleEndpoint& remote = inbound ? r.source : r.destination;
    const std::string name =
        "edgeplan " + r.row + " " + r.rule + " " + r.pool_id + ": " + r.purpose;
    std::ostringstream line;
    line << "New-NetFirewallRule -DisplayName " << ps_quote(name) << " -Group 'edgeplan'"
         << " -Direction " << (inbound ? "Inbound" : "Outbound") << " -Protocol "
         << (r.transport == topology::Transport::tcp ? "TCP" : "UDP")
         << (inbound ? " -LocalPort " : " -RemotePort ") << topology::port_range_text(r);
    if (local.known() && remote.known()) {
        line << " -LocalAddress " << ps_addresses(local) << " -RemoteAddress "
             << ps_addresses(remote);
    }
    line << " -Action Allow";
    std::string why;
    if (!ports_in_range(r)) {
        why = "skipped: port " + topology::port_range_text(r) + " out of range";
    } else if (!unknown_side(r).empty()) {
        why = unknown_note(r);
    } else if (local.scope != EndpointScope::addresses) {
        why = "not applied: the Edge side is not an address of the Edge server";
    } else if (!r.row.empty() && r.row[0] == 'V') {
        why = "not applied on the hosts: the VIP is on the hardware load balancer";
    }
    out << "# " << export_text::comment_text(r.row + " " + r.rule + " " + r.protocol) << "\r\n";
    if (!why.empty()) {
        out << "# " << export_text::comment_text(why) << "\r\n# " << line.str() << "\r\n";
        return;
    }
    out << line.str() << "\r\n";
}

void write_firewall_ps1(const topology::Plan& plan, std::ostream& out) {
    out << "# edgeplan: host firewall rules for the Edge servers (Windows Server, NetSecurity "
           "module).\r\n"
        << "# Run on every Edge server; each rule matches only the local addresses the server "
           "owns.\r\n"
        << "# Rules commented out cannot be applied as they stand (see the comment above "
           "each).\r\n";
    for (const FirewallRule& r : plan.firewall) ps_rule(r, out);
}

}  // namespace

std::vector<std::string> write_firewall_files(const topology::Plan& plan, const std::string& dir) {
    ensure_directory(dir);
    const std::string csv = export_text::join(dir, "firewall.csv");
    const std::string nft = export_text::join(dir, "firewall.nft");
    const std::string ps1 = export_text::join(dir, "firewall.ps1");
    // Each file is rendered straight into its temporary: at 20,000 members in 2,000 pools a
    // string of each (and an ostringstream's growth) added 28 MB (docs/performance.md).
    write_file_atomically(csv, [&](std::ostream& out) { write_firewall_csv(plan, out); });
    write_file_atomically(nft, [&](std::ostream& out) { write_firewall_nft(plan, out); });
    write_file_atomically(ps1, [&](std::ostream& out) { write_firewall_ps1(plan, out); });
    return {csv, nft, ps1};
}

}  // namespace edgeplan::report
