// <EdgePool> of the edgeplan format and the pieces a settings file can override.
#include <cctype>
#include <sstream>

#include "topology/edgeplan_element.h"
#include "topology/edgeplan_sections.h"
#include "topology/input_error.h"

namespace edgeplan::topology::edgeplan_format {
namespace {

EdgeMember read_member(const XmlSource& source, pugi::xml_node node) {
    const Element e(source, node, {"internalFqdn", "internalIp", "internalIpv6"},
                    {"InternalIp", "Address"});
    EdgeMember member;
    member.internal_fqdn = e.required_fqdn("internalFqdn");
    member.where = e.where();
    // DEFTOPO: the internal interface may carry IPv4, IPv6 or both.
    if (auto ip = e.ip("internalIp")) member.internal_ips.push_back(*ip);
    if (auto ip = e.ip("internalIpv6")) {
        if (ip->find(':') == std::string::npos) {
            e.fail_at("internalIpv6",
                      "attribute 'internalIpv6' is not an IPv6 address: '" + *ip + "'");
        }
        member.internal_ips.push_back(*ip);
    }
    for (pugi::xml_node child : e.children("InternalIp")) {
        member.internal_ips.push_back(
            Element(source, child, {"address"}, {}).required_ip("address"));
    }
    for (pugi::xml_node child : e.children("Address")) {
        add_address(member, read_address(source, child));
    }
    return member;
}

}  // namespace

ServiceAddress& service_address(EdgeMember& member, EdgeService service) {
    switch (service) {
        case EdgeService::access:
            return member.access;
        case EdgeService::webconf:
            return member.webconf;
        case EdgeService::av:
            break;
    }
    return member.av;
}

AddressEntry read_address(const XmlSource& source, pugi::xml_node node) {
    const Element e(source, node, {"service", "ip", "public"}, {});
    AddressEntry entry;
    if (!e.has("service")) e.fail("<Address> is missing required attribute 'service'");
    const std::string service = *e.token("service");
    // "all": "Use a single FQDN and IP address" (DEFTOPO), one address for the three services.
    if (service != "all") {
        entry.service = e.choice<EdgeService>("service", {{"access", EdgeService::access},
                                                          {"webconf", EdgeService::webconf},
                                                          {"av", EdgeService::av},
                                                          {"all", EdgeService::access}});
    }
    entry.ip = e.ip("ip");
    entry.public_ip = e.ip("public");
    if (!entry.ip && !entry.public_ip) {
        e.fail("<Address> needs attribute 'ip', 'public' or both");
    }
    entry.where = e.where();
    return entry;
}

void add_address(EdgeMember& member, const AddressEntry& entry) {
    for (EdgeService service : {EdgeService::access, EdgeService::webconf, EdgeService::av}) {
        if (entry.service && *entry.service != service) continue;
        ServiceAddress& address = service_address(member, service);
        if (entry.ip) address.ips.push_back(*entry.ip);
        if (entry.public_ip) address.public_ips.push_back(*entry.public_ip);
        if (!address.where.known()) address.where = entry.where;
    }
}

void read_external(const XmlSource& source, pugi::xml_node node, EdgePool& pool,
                   bool fqdn_required) {
    const Element e(source, node, {}, {"Access", "WebConferencing", "AudioVideo", "Xmpp"});
    auto read_fqdn = [&](const Element& service, ExternalServiceSettings& into) {
        if (fqdn_required || service.has("fqdn")) into.fqdn = service.required_fqdn("fqdn");
        into.where = service.where();
    };
    EdgePorts& ports = pool.ports;
    if (pugi::xml_node child = e.optional_child("Access")) {
        const Element access(source, child, {"fqdn", "clientPort", "federationPort"}, {});
        read_fqdn(access, pool.access);
        ports.access_client = access.port("clientPort").value_or(ports.access_client);
        ports.access_federation = access.port("federationPort").value_or(ports.access_federation);
    }
    if (pugi::xml_node child = e.optional_child("WebConferencing")) {
        const Element webconf(source, child, {"fqdn", "port"}, {});
        read_fqdn(webconf, pool.webconf);
        ports.webconf = webconf.port("port").value_or(ports.webconf);
    }
    if (pugi::xml_node child = e.optional_child("AudioVideo")) {
        const Element av(source, child,
                         {"fqdn", "tcpPort", "udpPort", "mediaPortStart", "mediaPortCount"}, {});
        read_fqdn(av, pool.av);
        ports.av_tcp = av.port("tcpPort").value_or(ports.av_tcp);
        ports.av_udp = av.port("udpPort").value_or(ports.av_udp);
        ports.media_start = av.port("mediaPortStart").value_or(ports.media_start);
        ports.media_count = av.port("mediaPortCount").value_or(ports.media_count);
        if (av.has("mediaPortStart") || av.has("mediaPortCount")) {
            ports.media_range_where = av.where();
        }
        // PORTRANGE: the range is start .. start + count - 1 and must stay a port range.
        if (ports.media_start + ports.media_count - 1 > 65535) {
            av.fail_at(av.has("mediaPortCount") ? "mediaPortCount" : "mediaPortStart",
                       "media port range " + std::to_string(ports.media_start) + " + " +
                           std::to_string(ports.media_count) + " ports ends past 65535");
        }
    }
    if (pugi::xml_node child = e.optional_child("Xmpp")) {
        ports.xmpp = Element(source, child, {"port"}, {}).port("port").value_or(ports.xmpp);
    }
}

void read_internal_ports(const XmlSource& source, pugi::xml_node node, EdgePorts& ports) {
    const Element e(source, node,
                    {"sipPort", "psomPort", "mrasPort", "turnTcpPort", "turnUdpPort", "xmppPort",
                     "replicationPort"},
                    {});
    ports.internal_sip = e.port("sipPort").value_or(ports.internal_sip);
    ports.internal_psom = e.port("psomPort").value_or(ports.internal_psom);
    ports.internal_mras = e.port("mrasPort").value_or(ports.internal_mras);
    ports.internal_turn_tcp = e.port("turnTcpPort").value_or(ports.internal_turn_tcp);
    ports.internal_turn_udp = e.port("turnUdpPort").value_or(ports.internal_turn_udp);
    ports.internal_xmpp = e.port("xmppPort").value_or(ports.internal_xmpp);
    ports.internal_replication = e.port("replicationPort").value_or(ports.internal_replication);
}

HardwareVips read_hardware_load_balancer(const XmlSource& source, pugi::xml_node node) {
    const Element e(source, node, {"internalFqdn"}, {"Vip"});
    HardwareVips vips;
    vips.internal_fqdn = e.fqdn("internalFqdn").value_or("");
    vips.where = e.where();
    // DNS-LB-03: one VIP per external service plus the internal VIP.
    for (pugi::xml_node child : e.children("Vip")) {
        const Element vip(source, child, {"service", "ip"}, {});
        if (!vip.has("service")) vip.fail("<Vip> is missing required attribute 'service'");
        std::vector<std::string>* into =
            *vip.choice<std::vector<std::string>*>("service", {{"access", &vips.access},
                                                               {"webconf", &vips.webconf},
                                                               {"av", &vips.av},
                                                               {"internal", &vips.internal}});
        into->push_back(vip.required_ip("ip"));
    }
    return vips;
}

CertificateSpec read_certificate(const XmlSource& source, pugi::xml_node node) {
    const Element e(source, node,
                    {"use", "subject", "serverEku", "clientEku", "exportableKey", "file",
                     "passwordEnv", "thumbprint", "usages"},
                    {"San"});
    CertificateSpec cert;
    if (!e.has("use")) e.fail("<Certificate> is missing required attribute 'use'");
    cert.use = *e.choice<CertificateUse>(
        "use", {{"external", CertificateUse::external}, {"internal", CertificateUse::internal}});
    cert.file = e.token("file").value_or("");
    cert.password_env = e.token("passwordEnv").value_or("");
    if (!cert.password_env.empty() && cert.file.empty()) {
        e.fail_at("passwordEnv", "attribute 'passwordEnv' needs attribute 'file'");
    }
    cert.subject = e.fqdn("subject");
    cert.server_eku = e.boolean("serverEku");
    cert.client_eku = e.boolean("clientEku");
    cert.exportable_key = e.boolean("exportableKey");
    for (pugi::xml_node child : e.children("San")) {
        cert.sans.push_back(Element(source, child, {"name"}, {}).required_fqdn("name"));
    }
    cert.where = e.where();
    // The assignment as Get-CsCertificate would state it, written by hand (CERT-EXT-14/15):
    // usages="AccessEdgeExternal DataEdgeExternal AudioVideoAuthentication" on every server.
    if (auto thumbprint = e.token("thumbprint")) {
        cert.thumbprint = *thumbprint;
        for (char& c : cert.thumbprint)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    if (auto usages = e.token("usages")) {
        if (cert.thumbprint.empty()) e.fail_at("usages", "attribute 'usages' needs 'thumbprint'");
        std::string usage;
        std::istringstream words(*usages);
        while (words >> usage) {
            cert.usages.push_back(usage);
            cert.assignments.push_back({usage, "", e.where("usages")});
        }
    }
    return cert;
}

void read_edge_pool(const XmlSource& source, pugi::xml_node node, const std::string& site_id,
                    std::size_t pool_index, Model& model, std::vector<Reference>& references) {
    const Element e(
        source, node,
        {"id", "internalFqdn", "loadBalancing", "nat", "federation", "xmpp", "nextHop", "singleIp"},
        {"External", "Internal", "HardwareLoadBalancer", "Member", "Certificate"});
    EdgePool pool;
    pool.internal_fqdn = e.required_fqdn("internalFqdn");
    pool.id = e.has("id") ? e.required_token("id") : pool.internal_fqdn;
    pool.site_id = site_id;
    pool.where = e.where();
    pool.load_balancing =
        e.choice<LoadBalancing>("loadBalancing", {{"single", LoadBalancing::single},
                                                  {"dns", LoadBalancing::dns},
                                                  {"hardware", LoadBalancing::hardware}})
            .value_or(LoadBalancing::single);
    pool.nat = e.boolean_or("nat", false);
    pool.federation = e.boolean_or("federation", false);
    pool.xmpp = e.boolean_or("xmpp", false);
    bool any_shared_address = false;
    for (pugi::xml_node child : e.children("Member")) {
        pool.members.push_back(read_member(source, child));
        for (pugi::xml_node address : child.children()) {
            any_shared_address =
                any_shared_address || (local_name(address) == "Address" &&
                                       std::string(address.attribute("service").value()) == "all");
        }
    }
    // The model is held until the report is built: without the growth's spare capacity (room
    // for 32,768 members holding 20,000, docs/performance.md).
    pool.members.shrink_to_fit();
    // An <Address service="all"> states the single-IP option unless singleIp says otherwise.
    pool.single_ip = e.boolean_or("singleIp", any_shared_address);
    if (pool.single_ip) {
        // DEFTOPO / PORT-SINGLEIP-01: with one IP the services need distinct ports; the
        // suggested ones are 5061 (Access), 444 (Web Conferencing), 443 (A/V).
        pool.ports.access_client = 5061;
        pool.ports.webconf = 444;
        pool.ports.av_tcp = 443;
    }
    if (pugi::xml_node child = e.optional_child("External")) {
        read_external(source, child, pool, true);
    }
    if (pugi::xml_node child = e.optional_child("Internal")) {
        read_internal_ports(source, child, pool.ports);
    }
    if (pugi::xml_node child = e.optional_child("HardwareLoadBalancer")) {
        pool.vips = read_hardware_load_balancer(source, child);
    }
    for (pugi::xml_node child : e.children("Certificate")) {
        pool.certificates.push_back(read_certificate(source, child));
    }
    if (auto next_hop = e.token("nextHop")) {
        references.push_back(
            {Reference::Target::internal_pool, "nextHop", *next_hop, e.where("nextHop"),
             [pool_index](Model& m) -> std::string& { return m.edge_pools[pool_index].next_hop; }});
    }
    model.edge_pools.push_back(std::move(pool));
}

}  // namespace edgeplan::topology::edgeplan_format
