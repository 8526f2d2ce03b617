// report_from_json_text: every key to_json and plan_to_json write, read back with its type
// checked, so a truncated or hand-edited report is refused with the place it went wrong rather
// than rendered differently from the run.
#include "report/json_report_reader.h"

#include <limits>
#include <nlohmann/json.hpp>

namespace edgeplan::report {
namespace {

using nlohmann::json;

// A value of the document and where it is ("findings[3].evidence[0].key"), for messages.
class Node {
  public:
    Node(const json& value, std::string where, const std::string& file)
        : value_(value), where_(std::move(where)), file_(file) {}

    [[noreturn]] void fail(const std::string& what) const {
        throw ReportReadError(file_ + ": " + (where_.empty() ? "" : where_ + ": ") + what);
    }

    bool has(const char* key) const { return value_.contains(key); }

    Node at(const char* key) const {
        const auto it = value_.find(key);
        if (it == value_.end()) fail(std::string("missing \"") + key + "\"");
        return Node(*it, where_.empty() ? key : where_ + "." + key, file_);
    }

    Node object(const char* key) const {
        Node n = at(key);
        if (!n.value_.is_object()) n.fail("must be an object");
        return n;
    }

    std::string text(const char* key) const {
        Node n = at(key);
        if (!n.value_.is_string()) n.fail("must be a string");
        return n.value_.get<std::string>();
    }

    int number(const char* key, int min, int max) const {
        Node n = at(key);
        if (!n.value_.is_number_integer()) n.fail("must be a whole number");
        const auto v = n.value_.get<long long>();
        if (v < min || v > max) {
            n.fail("must be from " + std::to_string(min) + " to " + std::to_string(max));
        }
        return static_cast<int>(v);
    }

    bool boolean(const char* key) const {
        Node n = at(key);
        if (!n.value_.is_boolean()) n.fail("must be true or false");
        return n.value_.get<bool>();
    }

    // Each element of the array at `key`, in order.
    template <typename F>
    void each(const char* key, F visit) const {
        Node n = at(key);
        if (!n.value_.is_array()) n.fail("must be an array");
        for (std::size_t i = 0; i < n.value_.size(); ++i) {
            visit(Node(n.value_[i], n.where_ + "[" + std::to_string(i) + "]", file_));
        }
    }

    std::vector<std::string> texts(const char* key) const {
        std::vector<std::string> out;
        each(key, [&](const Node& item) {
            if (!item.value_.is_string()) item.fail("must be a string");
            out.push_back(item.value_.get<std::string>());
        });
        return out;
    }

    // The enumerator whose to_string is the value at `key`.
    template <typename E, std::size_t N>
    E choice(const char* key, const E (&candidates)[N]) const {
        const std::string value = text(key);
        std::string known;
        for (E candidate : candidates) {
            if (value == to_string(candidate)) return candidate;
            known += (known.empty() ? "" : ", ") + std::string(to_string(candidate));
        }
        at(key).fail("'" + value + "' is not one of " + known);
    }

    void require_object() const {
        if (!value_.is_object()) fail("must be an object");
    }

  private:
    const json& value_;
    std::string where_;
    const std::string& file_;
};

constexpr checks::Status statuses[] = {checks::Status::pass, checks::Status::warn,
                                       checks::Status::fail, checks::Status::skip,
                                       checks::Status::error};
constexpr int kMaxNumber = std::numeric_limits<int>::max();

topology::SourceLocation location(const Node& owner) {
    topology::SourceLocation where;
    if (!owner.has("location")) return where;
    const Node l = owner.object("location");
    where.file = l.text("file");
    if (l.has("line")) where.line = l.number("line", 1, kMaxNumber);
    if (l.has("column")) where.column = l.number("column", 1, kMaxNumber);
    return where;
}

std::vector<std::pair<std::string, std::string>> pairs(const Node& owner, const char* key,
                                                       const char* first, const char* second) {
    std::vector<std::pair<std::string, std::string>> out;
    owner.each(key, [&](const Node& item) {
        item.require_object();
        out.emplace_back(item.text(first), item.text(second));
    });
    return out;
}

topology::DnsRecord dns_record(const Node& n) {
    using topology::DnsRecordType;
    using topology::DnsZoneKind;
    n.require_object();
    topology::DnsRecord r;
    r.zone_kind = n.choice("zone_kind", {DnsZoneKind::external, DnsZoneKind::internal});
    r.zone = n.text("zone");
    r.name = n.text("name");
    r.type = n.choice(
        "type", {DnsRecordType::a, DnsRecordType::aaaa, DnsRecordType::srv, DnsRecordType::cname});
    r.value = n.text("value");
    r.priority = n.number("priority", 0, 65535);
    r.weight = n.number("weight", 0, 65535);
    r.port = n.number("port", 0, 65535);
    r.purpose = n.text("purpose");
    r.rule = n.text("rule");
    r.pool_id = n.text("pool_id");
    r.where = location(n);
    return r;
}

topology::RuleEndpoint endpoint(const Node& n) {
    using topology::EndpointScope;
    topology::RuleEndpoint e;
    e.label = n.text("label");
    e.addresses = n.texts("addresses");
    e.scope =
        n.choice("scope", {EndpointScope::addresses, EndpointScope::any, EndpointScope::unknown});
    return e;
}

topology::FirewallRule firewall_rule(const Node& n) {
    using namespace topology;
    n.require_object();
    FirewallRule r;
    r.row = n.text("row");
    r.side = n.choice("side", {FirewallSide::external, FirewallSide::internal});
    r.direction = n.choice("direction", {Direction::inbound, Direction::outbound});
    r.transport = n.choice("transport", {Transport::tcp, Transport::udp});
    r.port_from = n.number("port_from", 0, 65535);
    r.port_to = n.number("port_to", 0, 65535);
    r.source = endpoint(n.object("source"));
    r.destination = endpoint(n.object("destination"));
    r.probe_addresses = n.texts("probe_addresses");
    r.protocol = n.text("protocol");
    r.purpose = n.text("purpose");
    r.rule = n.text("rule");
    r.pool_id = n.text("pool_id");
    r.where = location(n);
    return r;
}

topology::CertificateRequest certificate(const Node& n) {
    using namespace topology;
    n.require_object();
    CertificateRequest c;
    c.pool_id = n.text("pool_id");
    c.use = n.choice("use", {CertificateUse::external, CertificateUse::internal});
    c.subject = n.text("subject");
    const std::vector<std::string> sans = n.texts("sans");
    c.sans.assign(sans.begin(), sans.end());
    const std::vector<std::string> ekus = n.texts("ekus");
    for (std::size_t i = 0; i < ekus.size(); ++i) {
        bool found = false;
        for (ExtendedKeyUsage eku :
             {ExtendedKeyUsage::server_auth, ExtendedKeyUsage::client_auth}) {
            if (ekus[i] == to_string(eku)) {
                c.ekus.push_back(eku);
                found = true;
            }
        }
        if (!found) n.at("ekus").fail("'" + ekus[i] + "' is not serverAuth or clientAuth");
    }
    c.exportable_key = n.boolean("exportable_key");
    c.public_ca = n.boolean("public_ca");
    c.assigned_to = n.texts("assigned_to");
    c.rules = n.texts("rules");
    c.where = location(n);
    return c;
}

topology::Unknown unknown(const Node& n) {
    n.require_object();
    topology::Unknown u;
    u.what = n.text("what");
    u.rule = n.text("rule");
    u.subject = n.text("subject");
    u.where = location(n);
    return u;
}

topology::ServiceAddressing service(const Node& n) {
    n.require_object();
    topology::ServiceAddressing s;
    s.interface_ips = n.texts("interface_ips");
    s.public_ips = n.texts("public_ips");
    return s;
}

topology::MemberAddressing member(const Node& n) {
    n.require_object();
    topology::MemberAddressing m;
    m.fqdn = n.text("fqdn");
    m.internal_ips = n.texts("internal_ips");
    m.access = service(n.object("access"));
    m.webconf = service(n.object("webconf"));
    m.av = service(n.object("av"));
    m.where = location(n);
    return m;
}

topology::Server server(const Node& n) {
    n.require_object();
    topology::Server s;
    s.fqdn = n.text("fqdn");
    s.ips = n.texts("ips");
    s.where = location(n);
    return s;
}

// plan_json.cpp edge_pool: what the HTML report's diagram draws.
topology::EdgePoolAddressing edge_pool(const Node& n) {
    using topology::LoadBalancing;
    n.require_object();
    topology::EdgePoolAddressing p;
    p.pool_id = n.text("pool_id");
    p.fqdn = n.text("fqdn");
    p.site = n.text("site");
    p.load_balancing = n.choice(
        "load_balancing", {LoadBalancing::single, LoadBalancing::dns, LoadBalancing::hardware});
    p.nat = n.boolean("nat");
    p.single_ip = n.boolean("single_ip");
    const Node fqdns = n.object("external_fqdns");
    p.access_fqdn = fqdns.text("access");
    p.webconf_fqdn = fqdns.text("webconf");
    p.av_fqdn = fqdns.text("av");
    n.each("members", [&](const Node& item) { p.members.push_back(member(item)); });
    const Node vips = n.object("vips");
    p.access_vips = vips.texts("access");
    p.webconf_vips = vips.texts("webconf");
    p.av_vips = vips.texts("av");
    p.internal_vips = vips.texts("internal");
    const Node next_hop = n.object("next_hop");
    p.next_hop_fqdn = next_hop.text("fqdn");
    p.next_hop_kind = next_hop.text("kind");
    next_hop.each("servers", [&](const Node& item) { p.next_hop_servers.push_back(server(item)); });
    p.where = location(n);
    return p;
}

topology::Plan plan(const Node& n) {
    topology::Plan p;
    // Optional: reports written before the diagram existed have no edge_pools.
    if (n.has("edge_pools")) {
        n.each("edge_pools", [&](const Node& item) { p.edge_pools.push_back(edge_pool(item)); });
    }
    n.each("dns", [&](const Node& item) { p.dns.push_back(dns_record(item)); });
    n.each("firewall", [&](const Node& item) { p.firewall.push_back(firewall_rule(item)); });
    n.each("certificates", [&](const Node& item) { p.certificates.push_back(certificate(item)); });
    n.each("unknowns", [&](const Node& item) { p.unknowns.push_back(unknown(item)); });
    return p;
}

checks::CheckInfo check_info(const Node& n) {
    using checks::CheckKind;
    using checks::Severity;
    n.require_object();
    checks::CheckInfo info;
    info.id = n.text("id");
    info.title = n.text("title");
    info.area = n.text("area");
    info.kind = n.choice("kind", {CheckKind::offline, CheckKind::dns, CheckKind::tcp,
                                  CheckKind::udp, CheckKind::tls, CheckKind::xmpp});
    info.severity = n.choice("severity", {Severity::must, Severity::should, Severity::info});
    info.scenarios = n.texts("scenarios");
    for (const auto& [key, page] : pairs(n, "citation", "key", "page")) {
        info.citations.push_back({key, page});
    }
    info.remediation = n.text("remediation");
    return info;
}

checks::Finding finding(const Node& n, Report& r) {
    n.require_object();
    checks::Finding f;
    f.check_id = n.text("check_id");
    f.status = n.choice("status", statuses);
    f.subject = n.text("subject");
    f.message = n.text("message");
    for (auto& [key, value] : pairs(n, "evidence", "key", "value")) {
        f.evidence.emplace_back(checks::InternedText(key), std::move(value));
    }
    if (f.status == checks::Status::skip) f.skip_reason = n.text("skip_reason");
    f.where = location(n);
    // The kind of the check that made it: an offline and a live check may share an ID.
    if (n.has("kind")) {
        using checks::CheckKind;
        f.kind = n.choice("kind", {CheckKind::offline, CheckKind::dns, CheckKind::tcp,
                                   CheckKind::udp, CheckKind::tls, CheckKind::xmpp});
    }
    const checks::CheckInfo* info = r.info_for(f);
    if (n.has("title") && info == nullptr) {
        n.fail("check " + f.check_id + " is not in \"catalogue\"");
    }
    // to_json writes the fix a renderer shows (the finding's own, else the check's); the
    // finding has its own exactly when the two differ.
    if (info != nullptr && n.has("remediation")) {
        const std::string fix = n.text("remediation");
        if (fix != info->remediation) f.remediation = fix;
    }
    Acceptance acceptance;
    if (n.has("baseline")) {
        if (n.text("baseline") != "known") n.at("baseline").fail("must be \"known\"");
        acceptance.known = true;
    }
    if (n.has("waiver")) {
        const Node w = n.object("waiver");
        checks::Waiver waiver;
        waiver.check_id = f.check_id;
        waiver.subject = f.subject;
        waiver.reason = w.text("reason");
        waiver.expires = w.text("expires");
        acceptance.waiver = std::move(waiver);
    }
    if (acceptance.known || acceptance.waiver) r.accepted[{f.check_id, f.subject}] = acceptance;
    return f;
}

// json_renderer.cpp probe_json: where `check` probed from (the report header).
void probe(const Node& doc, Report& r) {
    if (!doc.has("probe")) return;
    const Node n = doc.object("probe");
    ProbeContext p;
    p.from = n.texts("from");
    p.source_address = n.text("source_address");
    // --timeout is a duration the CLI bounds far below this (app/duration_option.cpp).
    p.timeout_ms = n.number("timeout_ms", 0, kMaxNumber);
    if (n.has("responder")) p.responder = n.text("responder");
    if (n.has("replay")) p.replay = n.text("replay");
    n.each("dns_servers", [&](const Node& item) {
        item.require_object();
        DnsServerUse d;
        d.server = item.text("server");
        d.view = item.text("view");
        d.asked = item.number("asked", 0, kMaxNumber);
        d.answered = item.number("answered", 0, kMaxNumber);
        p.dns_servers.push_back(std::move(d));
    });
    r.probe = std::move(p);
}

// partner_table.cpp partners_to_json: the partner table of `edgeplan partners`.
void partners(const Node& doc, Report& r) {
    if (!doc.has("partners")) return;
    doc.each("partners", [&](const Node& item) {
        item.require_object();
        checks::partners::PartnerRow row;
        row.domain = item.text("domain");
        row.protocol = item.text("protocol");
        row.kind = item.text("kind");
        row.provider = item.text("provider");
        row.targets = item.texts("targets");
        row.addresses = item.texts("addresses");
        row.tls_version = item.text("tls_version");
        row.cert_not_after = item.text("cert_not_after");
        row.verdict = item.choice("verdict", statuses);
        row.problem = item.text("problem");
        r.partners.push_back(std::move(row));
    });
}

void gate(const Node& doc, Report& r) {
    if (!doc.has("gate")) return;
    const Node g = doc.object("gate");
    r.gated = true;
    if (g.has("baseline")) {
        r.baseline.emplace();
        g.each("baseline", [&](const Node& item) {
            item.require_object();
            (*r.baseline)[{item.text("check_id"), item.text("subject")}] =
                item.choice("status", statuses);
        });
    }
    if (g.has("expired_waivers")) {
        r.expired_waivers.emplace();
        g.each("expired_waivers", [&](const Node& item) {
            item.require_object();
            checks::Waiver w;
            w.check_id = item.text("check_id");
            w.subject = item.text("subject");
            w.reason = item.text("reason");
            w.expires = item.text("expires");
            (*r.expired_waivers)[{w.check_id, w.subject}] = w;
        });
    }
}

// The counts must be those of the findings: a mismatch means the document was edited or cut.
void check_summary(const Node& doc, const Report& r) {
    const Node s = doc.object("summary");
    const Summary counted = r.summary();
    const std::pair<const char*, int> expected[] = {
        {"pass", counted.pass}, {"warn", counted.warn},   {"fail", counted.fail},
        {"skip", counted.skip}, {"error", counted.error}, {"total", counted.total()}};
    for (const auto& [key, count] : expected) {
        if (s.number(key, 0, kMaxNumber) != count) {
            s.at(key).fail("is not the number of such findings (" + std::to_string(count) + ")");
        }
    }
}

// "line:column" of the 1-based byte offset nlohmann reports for a syntax error.
std::string line_column(const std::string& text, std::size_t byte) {
    int line = 1;
    int column = 1;
    for (std::size_t i = 0; i + 1 < byte && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return std::to_string(line) + ":" + std::to_string(column);
}

}  // namespace

Report report_from_json_text(const std::string& text, const std::string& path) {
    json doc;
    try {
        doc = json::parse(text);
    } catch (const json::parse_error& e) {
        // e.what() is "[json.exception.parse_error.101] parse error at line L, column C: why";
        // the position is given once, as file:line:column, which an editor can jump to.
        std::string what = e.what();
        const auto tag = what.find("] ");
        if (tag != std::string::npos) what = what.substr(tag + 2);
        const auto why = what.find(": ");
        if (what.rfind("parse error", 0) == 0 && why != std::string::npos) {
            what = what.substr(why + 2);
        }
        throw ReportReadError(path + ":" + line_column(text, e.byte) + ": not JSON: " + what);
    } catch (const json::exception& e) {
        throw ReportReadError(path + ": not JSON: " + e.what());  // a number such as 1e999999
    }
    const Node root(doc, "", path);
    root.require_object();
    const std::string version = root.text("schema_version");
    if (version.rfind("1.", 0) != 0 || version == "1.0") {
        root.at("schema_version")
            .fail("'" + version +
                  "': edgeplan renders reports of schema_version 1.1 or a later 1.x (a 1.0 "
                  "report lacks the catalogue; run plan or check again)");
    }
    Report r;
    const Node tool = root.object("tool");
    if (tool.text("name") != "edgeplan") tool.at("name").fail("must be \"edgeplan\"");
    r.tool_version = tool.text("version");
    r.command = root.text("command");
    const std::string fail_on = root.text("fail_on");
    if (fail_on != "fail" && fail_on != "warn") root.at("fail_on").fail("must be fail or warn");
    r.fail_on_warn = fail_on == "warn";
    r.started_at = root.text("started_at");
    r.now = root.text("now");
    root.each("inputs", [&](const Node& item) {
        item.require_object();
        r.inputs.push_back(
            {item.text("role"), item.text("path"), item.text("sha256"), item.text("format")});
    });
    r.options = pairs(root, "options", "name", "value");
    root.each("catalogue", [&](const Node& item) {
        checks::CheckInfo info = check_info(item);
        const CatalogueKey key = catalogue_key(info);
        if (!r.catalogue.emplace(key, std::move(info)).second) {
            item.fail("a second entry for " + key.id + " (" + to_string(key.kind) + ")");
        }
    });
    r.plan = plan(root.object("plan"));
    root.each("findings", [&](const Node& item) { r.findings.push_back(finding(item, r)); });
    probe(root, r);
    partners(root, r);
    gate(root, r);
    check_summary(root, r);
    return r;
}

}  // namespace edgeplan::report
