// plan_to_json: every field of topology/plan.h, in plan order (docs/report-format.md "plan"),
// except what only the exports use (Plan::withheld_dns, DnsRecord::unknown: the facts behind
// them are in "unknowns").
#include <nlohmann/json.hpp>

#include "report/json_location.h"
#include "report/json_stream.h"
#include "report/renderers.h"

namespace edgeplan::report {
namespace {

using nlohmann::json;

json dns_record(const topology::DnsRecord& r) {
    json j = {{"zone_kind", to_string(r.zone_kind)},
              {"zone", r.zone},
              {"name", r.name},
              {"type", to_string(r.type)},
              {"value", r.value},
              {"priority", r.priority},
              {"weight", r.weight},
              {"port", r.port},
              {"purpose", r.purpose},
              {"rule", r.rule},
              {"pool_id", r.pool_id}};
    add_location(j, r.where);
    return j;
}

json endpoint(const topology::RuleEndpoint& e) {
    return {{"label", e.label}, {"addresses", e.addresses.values()}, {"scope", to_string(e.scope)}};
}

json firewall_rule(const topology::FirewallRule& r) {
    json j = {{"row", r.row},
              {"side", to_string(r.side)},
              {"direction", to_string(r.direction)},
              {"transport", to_string(r.transport)},
              {"port_from", r.port_from},
              {"port_to", r.port_to},
              {"source", endpoint(r.source)},
              {"destination", endpoint(r.destination)},
              {"probe_addresses", r.probe_addresses.values()},
              {"protocol", r.protocol},
              {"purpose", r.purpose},
              {"rule", r.rule},
              {"pool_id", r.pool_id}};
    add_location(j, r.where);
    return j;
}

json certificate(const topology::CertificateRequest& c) {
    json ekus = json::array();
    for (topology::ExtendedKeyUsage eku : c.ekus) ekus.push_back(to_string(eku));
    json j = {{"pool_id", c.pool_id},     {"use", to_string(c.use)},
              {"subject", c.subject},     {"sans", c.sans},
              {"ekus", std::move(ekus)},  {"exportable_key", c.exportable_key},
              {"public_ca", c.public_ca}, {"assigned_to", c.assigned_to},
              {"rules", c.rules}};
    add_location(j, c.where);
    return j;
}

json unknown(const topology::Unknown& u) {
    json j = {{"what", u.what}, {"rule", u.rule}, {"subject", u.subject}};
    add_location(j, u.where);
    return j;
}

json service(const topology::ServiceAddressing& s) {
    return {{"interface_ips", s.interface_ips}, {"public_ips", s.public_ips}};
}

json member(const topology::MemberAddressing& m) {
    json j = {{"fqdn", m.fqdn},
              {"internal_ips", m.internal_ips},
              {"access", service(m.access)},
              {"webconf", service(m.webconf)},
              {"av", service(m.av)}};
    add_location(j, m.where);
    return j;
}

json server(const topology::Server& s) {
    json j = {{"fqdn", s.fqdn}, {"ips", s.ips}};
    add_location(j, s.where);
    return j;
}

template <typename T, typename F>
json array_of(const std::vector<T>& items, F convert) {
    json out = json::array();
    for (const T& item : items) out.push_back(convert(item));
    return out;
}

// `with_members` false leaves "members" an empty array, for put_edge_pool to stream.
json edge_pool(const topology::EdgePoolAddressing& p, bool with_members) {
    json j = {{"pool_id", p.pool_id},
              {"fqdn", p.fqdn},
              {"site", p.site},
              {"load_balancing", to_string(p.load_balancing)},
              {"nat", p.nat},
              {"single_ip", p.single_ip},
              {"external_fqdns",
               {{"access", p.access_fqdn}, {"webconf", p.webconf_fqdn}, {"av", p.av_fqdn}}},
              {"members", with_members ? array_of(p.members, member) : json::array()},
              {"vips",
               {{"access", p.access_vips},
                {"webconf", p.webconf_vips},
                {"av", p.av_vips},
                {"internal", p.internal_vips}}},
              {"next_hop",
               {{"fqdn", p.next_hop_fqdn},
                {"kind", p.next_hop_kind},
                {"servers", array_of(p.next_hop_servers, server)}}}};
    add_location(j, p.where);
    return j;
}

}  // namespace

nlohmann::json plan_to_json(const topology::Plan& plan) {
    return {{"dns", array_of(plan.dns, dns_record)},
            {"firewall", array_of(plan.firewall, firewall_rule)},
            {"certificates", array_of(plan.certificates, certificate)},
            {"unknowns", array_of(plan.unknowns, unknown)},
            {"edge_pools", array_of(plan.edge_pools, [](const topology::EdgePoolAddressing& p) {
                 return edge_pool(p, true);
             })}};
}

namespace json_stream {
namespace {

// One Edge pool as edge_pool(p, true).dump(2) writes it at `depth`, its members one at a time:
// the pool of 20,000 members was a 20 MB tree and a 24 MB dump (docs/performance.md).
void put_edge_pool(std::ostream& out, const topology::EdgePoolAddressing& p, int depth) {
    const json j = edge_pool(p, false);
    out << "{\n";
    bool first = true;
    for (const auto& [key, value] : j.items()) {  // nlohmann::json's own (sorted) key order
        if (!first) out << ",\n";
        first = false;
        put_key(out, key.c_str(), depth + 1);
        if (key == "members") {
            put_array(out, p.members, depth + 1, member);
        } else {
            put(out, value, depth + 1);
        }
    }
    out << '\n' << std::string(static_cast<std::size_t>(2 * depth), ' ') << '}';
}

}  // namespace

// The keys in the order nlohmann::json sorts them, as plan_to_json(plan).dump(2) writes them.
void put_plan(std::ostream& out, const topology::Plan& plan, int depth) {
    out << "{\n";
    put_key(out, "certificates", depth + 1);
    put_array(out, plan.certificates, depth + 1, certificate);
    out << ",\n";
    put_key(out, "dns", depth + 1);
    put_array(out, plan.dns, depth + 1, dns_record);
    out << ",\n";
    put_key(out, "edge_pools", depth + 1);
    if (plan.edge_pools.empty()) {
        out << "[]";
    } else {
        const std::string pad(static_cast<std::size_t>(2 * (depth + 2)), ' ');
        out << "[\n";
        for (std::size_t i = 0; i < plan.edge_pools.size(); ++i) {
            out << (i == 0 ? "" : ",\n") << pad;
            put_edge_pool(out, plan.edge_pools[i], depth + 2);
        }
        out << '\n' << std::string(static_cast<std::size_t>(2 * (depth + 1)), ' ') << ']';
    }
    out << ",\n";
    put_key(out, "firewall", depth + 1);
    put_array(out, plan.firewall, depth + 1, firewall_rule);
    out << ",\n";
    put_key(out, "unknowns", depth + 1);
    put_array(out, plan.unknowns, depth + 1, unknown);
    out << '\n' << std::string(static_cast<std::size_t>(2 * depth), ' ') << '}';
}

}  // namespace json_stream
}  // namespace edgeplan::report
