#include "report/edge_diagram_layout.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "report/html_sections.h"
#include "report/plan_verification.h"

namespace edgeplan::report::diagram {
namespace {

// --- Geometry (SVG user units; the page scales the whole drawing to its width) ---------------

constexpr double diagram_width = 1280;
constexpr double internet_x = 8, internet_w = 88;
constexpr double ext_fw_x = 112, fw_w = 12;
constexpr double pool_x = 362, pool_w = 480;
constexpr double int_fw_x = 1054;
constexpr double network_x = 1072, network_w = 200;
constexpr double ext_label_x = ext_fw_x + fw_w + 6;  // flow labels start right of the firewall
constexpr double int_label_x = pool_x + pool_w + 6;
constexpr double pad = 8;              // inside a box
constexpr double member_label_w = 72;  // "Web Conf" column inside a member
constexpr double band_gap = 18;
constexpr double heading_height = 26;

constexpr double size_heading = 12;
constexpr double size_title = 12;
constexpr double size_text = 11;
constexpr double size_small = 10;
constexpr double size_flow = 10.5;

double pitch(double font_size) { return std::round(font_size * 1.35 * 10) / 10; }

std::size_t columns_for(double width, double font_size) {
    return static_cast<std::size_t>(std::max(1.0, std::floor(width / (font_size * column_em))));
}

bool wide(unsigned code) {
    return (code >= 0x1100 && code <= 0x115F) || (code >= 0x2E80 && code <= 0xA4CF) ||
           (code >= 0xAC00 && code <= 0xD7A3) || (code >= 0xF900 && code <= 0xFAFF) ||
           (code >= 0xFE30 && code <= 0xFE4F) || (code >= 0xFF00 && code <= 0xFF60) ||
           (code >= 0xFFE0 && code <= 0xFFE6) || (code >= 0x1F300 && code <= 0x1FAFF) ||
           (code >= 0x20000 && code <= 0x3FFFD);
}

// Byte length of the UTF-8 sequence starting at text[i] (1 for a stray byte) and its code point.
std::size_t next_char(const std::string& text, std::size_t i, unsigned& code) {
    const auto byte = static_cast<unsigned char>(text[i]);
    std::size_t length = 1;
    if (byte >= 0xF0) {
        length = 4;
        code = byte & 0x07u;
    } else if (byte >= 0xE0) {
        length = 3;
        code = byte & 0x0Fu;
    } else if (byte >= 0xC0) {
        length = 2;
        code = byte & 0x1Fu;
    } else {
        code = byte;
        return 1;
    }
    if (i + length > text.size()) {
        code = byte;
        return 1;
    }
    for (std::size_t k = 1; k < length; ++k) {
        code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3Fu);
    }
    return length;
}

bool break_after(char c) {
    return c == ' ' || c == '.' || c == ',' || c == '-' || c == '/' || c == ':' || c == ';';
}

// Columns of the word (run of non-spaces) that ends just before `end`, and of the one that
// starts at `begin` (bytes; the words that matter here are ASCII).
std::size_t word_before(const std::string& text, std::size_t end) {
    std::size_t n = 0;
    while (end > 0 && text[end - 1] != ' ') --end, ++n;
    return n;
}

std::size_t word_from(const std::string& text, std::size_t begin) {
    std::size_t n = 0;
    while (begin < text.size() && text[begin] != ' ') ++begin, ++n;
    return n;
}

// A line may break after text[i]. A slash joining a one-letter part ("A/V") is one word to a
// reader: "A/" at a line's end and "V" on the next reads as two.
bool breaks_after(const std::string& text, std::size_t i) {
    if (!break_after(text[i])) return false;
    if (text[i] != '/') return true;
    return word_before(text, i) >= 2 && word_from(text, i + 1) >= 2;
}

std::string trim_right(std::string s) {
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
}

}  // namespace

std::size_t text_columns(const std::string& text) {
    std::size_t columns = 0;
    for (std::size_t i = 0; i < text.size();) {
        unsigned code = 0;
        i += next_char(text, i, code);
        columns += wide(code) ? 2 : 1;
    }
    return columns;
}

std::vector<std::string> wrap_text(const std::string& text, std::size_t max_columns) {
    max_columns = std::max<std::size_t>(max_columns, 2);
    std::vector<std::string> lines;
    std::string line;
    std::size_t columns = 0;
    std::size_t last_break = std::string::npos;  // byte offset in `line` just after a break char
    std::size_t columns_at_break = 0;
    for (std::size_t i = 0; i < text.size();) {
        unsigned code = 0;
        const std::size_t length = next_char(text, i, code);
        const std::size_t width = wide(code) ? 2 : 1;
        while (columns + width > max_columns && !line.empty()) {
            // Break at the last break character if it keeps at least a third of the line.
            if (last_break != std::string::npos && columns_at_break * 3 >= max_columns) {
                lines.push_back(trim_right(line.substr(0, last_break)));
                line = line.substr(last_break);
                columns -= columns_at_break;
            } else {
                lines.push_back(trim_right(line));
                line.clear();
                columns = 0;
            }
            last_break = std::string::npos;
            // Leading spaces of a continuation line carry nothing.
            std::size_t skip = 0;
            while (skip < line.size() && line[skip] == ' ') ++skip;
            line.erase(0, skip);
            columns -= std::min(columns, skip);
        }
        if (line.empty() && text[i] == ' ' && !lines.empty()) {
            i += length;
            continue;
        }
        line.append(text, i, length);
        columns += width;
        if (length == 1 && breaks_after(text, i)) {
            last_break = line.size();
            columns_at_break = columns;
        }
        i += length;
    }
    if (!line.empty() || lines.empty()) lines.push_back(trim_right(line));
    return lines;
}

Rect TextLine::extent() const {
    return {x, y - 0.8 * font_size, static_cast<double>(text_columns(text)) * column_em * font_size,
            1.05 * font_size};
}

const char* to_string(BoxKind kind) {
    switch (kind) {
        case BoxKind::internet:
            return "internet";
        case BoxKind::firewall:
            return "firewall";
        case BoxKind::pool:
            return "pool";
        case BoxKind::member:
            return "member";
        case BoxKind::vips:
            return "vips";
        case BoxKind::network:
            return "network";
        case BoxKind::next_hop:
            return "next-hop";
        case BoxKind::flows:
            return "flows";
    }
    return "box";
}

const char* to_string(FlowState state) {
    switch (state) {
        case FlowState::fail:
            return "fail";
        case FlowState::warn:
            return "warn";
        case FlowState::error:
            return "error";
        case FlowState::pass:
            return "pass";
        case FlowState::none:
            return "none";
    }
    return "none";
}

namespace {

using topology::EdgePoolAddressing;
using topology::FirewallRule;
using topology::MemberAddressing;
using topology::ServiceAddressing;

// Addresses to the DNS names the plan points at them (A and AAAA records, both zones).
using NamesByAddress = std::map<std::string, std::set<std::string>>;

NamesByAddress names_by_address(const topology::Plan& plan) {
    NamesByAddress out;
    for (const topology::DnsRecord& r : plan.dns) {
        if (r.type == topology::DnsRecordType::a || r.type == topology::DnsRecordType::aaaa) {
            out[r.value].insert(r.name);
        }
    }
    return out;
}

std::string join(const std::vector<std::string>& items, const std::string& separator) {
    std::string out;
    for (const std::string& item : items) {
        if (!out.empty()) out += separator;
        out += item;
    }
    return out;
}

// Appends text lines to a layout, top to bottom inside one box.
class Writer {
  public:
    Writer(Layout& layout, int box, double x, double width, double y)
        : layout_(layout), box_(box), x_(x), width_(width), y_(y) {}

    // Wrapped lines of `text` at `indent` from the left edge; returns the number of lines.
    std::size_t write(const std::string& text, TextRole role, double font_size, double indent = 0) {
        const std::vector<std::string> lines =
            wrap_text(text, columns_for(width_ - indent, font_size));
        for (const std::string& line : lines) {
            y_ += pitch(font_size);
            layout_.texts.push_back(
                {x_ + indent, y_ - 0.3 * font_size, font_size, role, line, box_});
        }
        return lines.size();
    }
    // A label in the left column (a short constant) and wrapped values beside it, the first
    // value on the label's line.
    void labelled(const std::string& label,
                  const std::vector<std::pair<std::string, TextRole>>& values) {
        const double top = y_;
        for (const auto& [value, role] : values) {
            write(value, role, role == TextRole::dns ? size_small : size_text, member_label_w);
        }
        layout_.texts.push_back({x_, top + pitch(size_text) - 0.3 * size_text, size_text,
                                 TextRole::label, label, box_});
    }
    void gap(double height) { y_ += height; }
    double y() const { return y_; }

  private:
    Layout& layout_;
    int box_;
    double x_;
    double width_;
    double y_;
};

int add_box(Layout& layout, BoxKind kind, Rect rect, std::string id) {
    layout.boxes.push_back({kind, rect, std::move(id)});
    return static_cast<int>(layout.boxes.size()) - 1;
}

// "172.16.40.11 -> 198.51.100.41 (NAT public)" lines and the DNS names of each address.
std::vector<std::pair<std::string, TextRole>> address_lines(const ServiceAddressing& s, bool nat,
                                                            bool hardware,
                                                            const NamesByAddress& names) {
    std::vector<std::pair<std::string, TextRole>> out;
    auto dns_of = [&](const std::vector<std::string>& addresses) {
        std::vector<std::string> found;
        for (const std::string& a : addresses) {
            const auto it = names.find(a);
            if (it == names.end()) continue;
            for (const std::string& n : it->second) {
                if (std::find(found.begin(), found.end(), n) == found.end()) found.push_back(n);
            }
        }
        if (!found.empty()) out.emplace_back("DNS: " + join(found, ", "), TextRole::dns);
    };
    if (s.interface_ips.empty()) {
        out.emplace_back("address unknown", TextRole::muted);
        return out;
    }
    for (std::size_t i = 0; i < s.interface_ips.size(); ++i) {
        const std::string& ip = s.interface_ips[i];
        if (nat) {
            // NAT public addresses pair with the interface addresses in order (NAT-05).
            const std::string pub =
                i < s.public_ips.size() ? s.public_ips[i] + " (NAT public)" : "NAT public unknown";
            out.emplace_back(ip + " -> " + pub, TextRole::address);
            std::vector<std::string> both{ip};
            if (i < s.public_ips.size()) both.push_back(s.public_ips[i]);
            dns_of(both);
        } else {
            out.emplace_back(ip + (hardware ? " (node)" : " (public)"), TextRole::address);
            dns_of({ip});
        }
    }
    // More public addresses than interface addresses: show the rest too.
    for (std::size_t i = s.interface_ips.size(); nat && i < s.public_ips.size(); ++i) {
        out.emplace_back("NAT public " + s.public_ips[i], TextRole::address);
        dns_of({s.public_ips[i]});
    }
    return out;
}

std::vector<std::pair<std::string, TextRole>> plain_lines(const std::vector<std::string>& ips,
                                                          const std::string& kind,
                                                          const NamesByAddress& names) {
    std::vector<std::pair<std::string, TextRole>> out;
    if (ips.empty()) out.emplace_back("address unknown", TextRole::muted);
    for (const std::string& ip : ips) {
        out.emplace_back(kind.empty() ? ip : ip + " (" + kind + ")", TextRole::address);
        const auto it = names.find(ip);
        if (it != names.end()) {
            out.emplace_back(
                "DNS: " +
                    join(std::vector<std::string>(it->second.begin(), it->second.end()), ", "),
                TextRole::dns);
        }
    }
    return out;
}

const char* load_balancing_text(topology::LoadBalancing lb) {
    switch (lb) {
        case topology::LoadBalancing::single:
            return "single Edge server";
        case topology::LoadBalancing::dns:
            return "DNS load balancing";
        case topology::LoadBalancing::hardware:
            return "hardware load balancing";
    }
    return "";
}

// The pool box: header, VIPs (hardware load balancing), then one box per member.
double lay_out_pool(Layout& layout, const EdgePoolAddressing& pool, bool known, double top,
                    const NamesByAddress& names) {
    const int pool_box = add_box(layout, BoxKind::pool, {pool_x, top, pool_w, 0}, pool.pool_id);
    Writer header(layout, pool_box, pool_x + pad, pool_w - 2 * pad, top + 2);
    header.write("Edge pool " + (pool.fqdn.empty() ? pool.pool_id : pool.fqdn), TextRole::title,
                 size_title);
    if (!known) {
        header.write("the plan of this report lists no members for this pool", TextRole::muted,
                     size_small);
        header.gap(pad);
        layout.boxes[pool_box].rect.height = header.y() - top;
        return header.y();
    }
    std::vector<std::string> facts;
    if (!pool.site.empty()) facts.push_back("site " + pool.site);
    facts.emplace_back(load_balancing_text(pool.load_balancing));
    if (pool.nat) facts.emplace_back("NAT");
    if (pool.single_ip) facts.emplace_back("single FQDN and IP");
    facts.push_back(std::to_string(pool.members.size()) +
                    (pool.members.size() == 1 ? " member" : " members"));
    header.write(join(facts, " - "), TextRole::muted, size_small);
    auto fqdn = [](const std::string& f) { return f.empty() ? std::string("unknown") : f; };
    header.write("external FQDNs: Access " + fqdn(pool.access_fqdn) + ", Web Conf " +
                     fqdn(pool.webconf_fqdn) + ", A/V " + fqdn(pool.av_fqdn),
                 TextRole::muted, size_small);
    double y = header.y() + 6;

    const double inner_x = pool_x + pad;
    const double inner_w = pool_w - 2 * pad;
    if (pool.load_balancing == topology::LoadBalancing::hardware) {
        const int vip_box =
            add_box(layout, BoxKind::vips, {inner_x, y, inner_w, 0}, pool.pool_id + " VIPs");
        Writer w(layout, vip_box, inner_x + pad, inner_w - 2 * pad, y + 1);
        w.write("Load balancer VIPs", TextRole::title, size_text);
        w.labelled("Access", plain_lines(pool.access_vips, "VIP", names));
        w.labelled("Web Conf", plain_lines(pool.webconf_vips, "VIP", names));
        w.labelled("A/V", plain_lines(pool.av_vips, "VIP", names));
        w.labelled("Internal", plain_lines(pool.internal_vips, "internal VIP", names));
        w.gap(pad);
        layout.boxes[vip_box].rect.height = w.y() - y;
        y = w.y() + 6;
    }
    const bool hardware = pool.load_balancing == topology::LoadBalancing::hardware;
    for (std::size_t i = 0; i < pool.members.size(); ++i) {
        const MemberAddressing& m = pool.members[i];
        const std::string name =
            m.fqdn.empty() ? "member " + std::to_string(i + 1) + " (no FQDN)" : m.fqdn;
        const int member_box = add_box(layout, BoxKind::member, {inner_x, y, inner_w, 0}, name);
        Writer w(layout, member_box, inner_x + pad, inner_w - 2 * pad, y + 1);
        w.write(name, TextRole::title, size_text);
        if (pool.single_ip) {
            w.labelled("All three", address_lines(m.access, pool.nat, hardware, names));
        } else {
            w.labelled("Access", address_lines(m.access, pool.nat, hardware, names));
            w.labelled("Web Conf", address_lines(m.webconf, pool.nat, hardware, names));
            w.labelled("A/V", address_lines(m.av, pool.nat, hardware, names));
        }
        w.labelled("Internal", plain_lines(m.internal_ips, "", names));
        w.gap(pad - 2);
        layout.boxes[member_box].rect.height = w.y() - y;
        y = w.y() + 6;
    }
    if (pool.members.empty()) {
        Writer w(layout, pool_box, inner_x, inner_w, y);
        w.write("no members: the topology lists no Edge server in this pool", TextRole::muted,
                size_small);
        y = w.y() + 6;
    }
    layout.boxes[pool_box].rect.height = y + 2 - top;
    return y + 2;
}

const char* kind_text(const std::string& kind) {
    if (kind == "director") return "Director";
    if (kind == "standard-edition") return "Standard Edition server";
    if (kind == "front-end") return "Front End pool";
    return "pool";
}

double lay_out_network(Layout& layout, const EdgePoolAddressing& pool, bool known, double top,
                       const NamesByAddress& names) {
    const int box = add_box(layout, BoxKind::network, {network_x, top, network_w, 0},
                            pool.pool_id + " internal network");
    Writer w(layout, box, network_x + pad, network_w - 2 * pad, top + 2);
    w.write("Internal network", TextRole::title, size_title);
    double y = w.y() + 4;
    if (!known) {
        w.write("next hop not in this report", TextRole::muted, size_small);
        w.gap(pad);
        layout.boxes[box].rect.height = w.y() - top;
        return w.y();
    }
    if (pool.next_hop_fqdn.empty()) {
        w.write("next hop pool unknown: the topology names none", TextRole::muted, size_small);
        w.gap(pad);
        layout.boxes[box].rect.height = w.y() - top;
        return w.y();
    }
    const double inner_x = network_x + pad;
    const double inner_w = network_w - 2 * pad;
    const int hop =
        add_box(layout, BoxKind::next_hop, {inner_x, y, inner_w, 0}, pool.next_hop_fqdn);
    Writer h(layout, hop, inner_x + 6, inner_w - 12, y + 1);
    h.write(std::string("next hop ") + kind_text(pool.next_hop_kind), TextRole::muted, size_small);
    h.write(pool.next_hop_fqdn, TextRole::title, size_text);
    for (const topology::Server& s : pool.next_hop_servers) {
        if (s.fqdn != pool.next_hop_fqdn || pool.next_hop_servers.size() > 1) {
            h.write(s.fqdn, TextRole::label, size_text);
        }
        if (s.ips.empty()) h.write("address unknown", TextRole::muted, size_small, 8);
        for (const std::string& ip : s.ips) {
            h.write(ip, TextRole::address, size_text, 8);
            const auto it = names.find(ip);
            if (it != names.end()) {
                h.write(
                    "DNS: " +
                        join(std::vector<std::string>(it->second.begin(), it->second.end()), ", "),
                    TextRole::dns, size_small, 8);
            }
        }
    }
    if (pool.next_hop_servers.empty()) h.write("servers unknown", TextRole::muted, size_small);
    h.gap(pad - 2);
    layout.boxes[hop].rect.height = h.y() - y;
    layout.boxes[box].rect.height = h.y() + 6 - top;
    return h.y() + 6;
}

// The Edge side of a rule in a few words: "Access", "A/V VIP", "internal"...
std::string edge_side(const FirewallRule& rule) {
    const bool inbound = rule.direction == topology::Direction::inbound;
    const std::string& label = inbound ? rule.destination.label : rule.source.label;
    const bool vip = label.find("VIP") != std::string::npos;
    std::string out;
    if (label.rfind("XMPP", 0) == 0) {
        out = "XMPP";
    } else if (label.rfind("Access Edge", 0) == 0) {
        out = "Access";
    } else if (label.rfind("Web Conferencing Edge", 0) == 0) {
        out = "Web Conf";
    } else if (label.rfind("A/V Edge", 0) == 0) {
        out = "A/V";
    } else if (label.rfind("Edge internal", 0) == 0) {
        out = "internal";
    } else {
        return label;
    }
    return vip ? out + " VIP" : out;
}

std::string upper(std::string s) {
    for (char& c : s) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    return s;
}

std::string endpoint_text(const topology::RuleEndpoint& e) {
    if (e.addresses.empty()) return e.label;
    return e.label + " (" + join(e.addresses, ", ") + ")";
}

int rank(checks::Status s) {
    switch (s) {
        case checks::Status::fail:
            return 4;
        case checks::Status::warn:
            return 3;
        case checks::Status::error:
            return 2;
        case checks::Status::pass:
            return 1;
        case checks::Status::skip:
            break;
    }
    return 0;
}

FlowState state_of(checks::Status s) {
    switch (s) {
        case checks::Status::fail:
            return FlowState::fail;
        case checks::Status::warn:
            return FlowState::warn;
        case checks::Status::error:
            return FlowState::error;
        case checks::Status::pass:
            return FlowState::pass;
        case checks::Status::skip:
            break;
    }
    return FlowState::none;
}

// At most this many findings are named in a tooltip; the card and the plan table list all.
constexpr std::size_t tooltip_findings = 12;

Arrow make_arrow(const Report& report, const PlanVerification& verified, std::size_t index) {
    const FirewallRule& rule = report.plan.firewall[index];
    Arrow a;
    a.rule = index;
    a.label = upper(to_string(rule.transport)) + " " + port_range_text(rule) + " " + rule.protocol +
              " - " + edge_side(rule);
    const FindingRefs refs = verified.findings_for(rule);
    int worst = -1;
    std::size_t worst_index = 0;
    for (std::size_t i : refs) {
        const int r = rank(report.findings[i].status);
        if (r > worst) {
            worst = r;
            worst_index = i;
        }
    }
    // The catalogue ID and the purpose name the rule; the table row label (X5) is bookkeeping.
    std::string tip = rule.rule + ": " + upper(to_string(rule.transport)) + " " +
                      port_range_text(rule) + " " + rule.protocol + ", " + to_string(rule.side) +
                      " firewall, " + to_string(rule.direction) + "\nfrom " +
                      endpoint_text(rule.source) + "\nto " + endpoint_text(rule.destination) +
                      "\n" + rule.purpose;
    if (refs.empty()) {
        tip += "\nnot probed: no finding of this run is about this rule";
    } else {
        a.state = state_of(report.findings[worst_index].status);
        a.href = "#" + html::finding_anchor(worst_index);
        tip += "\nfindings:";
        for (std::size_t k = 0; k < refs.size() && k < tooltip_findings; ++k) {
            const checks::Finding& f = report.findings[refs[k]];
            tip += "\n" + std::string(to_string(f.status)) + " " + f.check_id + " " + f.subject;
        }
        if (refs.size() > tooltip_findings) {
            tip += "\nand " + std::to_string(refs.size() - tooltip_findings) + " more";
        }
    }
    a.tooltip = tip;
    return a;
}

// Stacks the arrows of one side from `top` down; returns the bottom.
double lay_out_flows(Layout& layout, const Report& report, const PlanVerification& verified,
                     const std::vector<std::size_t>& rules, bool external, double top) {
    const double label_x = external ? ext_label_x : int_label_x;
    const double label_w = (external ? pool_x : int_fw_x) - label_x - 6;
    const double left = external ? internet_x + internet_w : pool_x + pool_w;
    const double right = external ? pool_x : network_x;
    const int zone = add_box(layout, BoxKind::flows, {label_x, top, label_w, 0},
                             external ? "external flows" : "internal flows");
    double y = top + 4;
    for (std::size_t index : rules) {
        Arrow a = make_arrow(report, verified, index);
        const std::vector<std::string> lines = wrap_text(a.label, columns_for(label_w, size_flow));
        for (const std::string& line : lines) {
            y += pitch(size_flow);
            a.labels.push_back(layout.texts.size());
            layout.texts.push_back(
                {label_x, y - 0.3 * size_flow, size_flow, TextRole::flow, line, zone});
        }
        y += 3;
        const FirewallRule& rule = report.plan.firewall[index];
        // Inbound flows point at the Edge: right on the external side, left on the internal.
        const bool to_right = (rule.direction == topology::Direction::inbound) == external;
        a.x1 = to_right ? left : right;
        a.x2 = to_right ? right : left;
        a.y1 = a.y2 = y;
        layout.arrows.push_back(std::move(a));
        y += 4;
    }
    layout.boxes[zone].rect.height = y + 2 - top;
    return y + 2;
}

}  // namespace

Layout lay_out(const Report& report) {
    Layout layout;
    layout.width = diagram_width;
    const topology::Plan& plan = report.plan;

    // Bands: the pools of the plan, then pool ids only the firewall rules name.
    std::vector<std::pair<EdgePoolAddressing, bool>> bands;
    std::map<std::string, std::size_t> band_of;
    for (const EdgePoolAddressing& p : plan.edge_pools) {
        band_of.emplace(p.pool_id, bands.size());
        bands.emplace_back(p, true);
    }
    std::vector<std::vector<std::size_t>> external(bands.size()), internal(bands.size());
    for (std::size_t i = 0; i < plan.firewall.size(); ++i) {
        const FirewallRule& rule = plan.firewall[i];
        auto it = band_of.find(rule.pool_id);
        if (it == band_of.end()) {
            EdgePoolAddressing placeholder;
            placeholder.pool_id = rule.pool_id;
            placeholder.fqdn = rule.pool_id.empty() ? "(no pool named)" : rule.pool_id;
            it = band_of.emplace(rule.pool_id, bands.size()).first;
            bands.emplace_back(std::move(placeholder), false);
            external.emplace_back();
            internal.emplace_back();
        }
        (rule.side == topology::FirewallSide::external ? external : internal)[it->second].push_back(
            i);
    }
    if (bands.empty()) return layout;

    const NamesByAddress names = names_by_address(plan);
    const PlanVerification verified(report);

    const double heading_y = 17;
    layout.texts.push_back(
        {internet_x, heading_y, size_heading, TextRole::heading, "Internet", -1});
    layout.texts.push_back(
        {ext_fw_x, heading_y, size_heading, TextRole::heading, "external firewall", -1});
    layout.texts.push_back({pool_x, heading_y, size_heading, TextRole::heading, "Edge pools", -1});
    const std::string internal_fw = "internal firewall";
    layout.texts.push_back(
        {int_fw_x + fw_w - static_cast<double>(internal_fw.size()) * column_em * size_heading,
         heading_y, size_heading, TextRole::heading, internal_fw, -1});
    layout.texts.push_back(
        {network_x, heading_y, size_heading, TextRole::heading, "internal network", -1});

    double top = heading_height;
    for (std::size_t b = 0; b < bands.size(); ++b) {
        const auto& [pool, known] = bands[b];
        const double bottom =
            std::max({lay_out_pool(layout, pool, known, top, names),
                      lay_out_flows(layout, report, verified, external[b], true, top),
                      lay_out_flows(layout, report, verified, internal[b], false, top),
                      lay_out_network(layout, pool, known, top, names), top + 40});
        const double height = bottom - top;
        const int internet =
            add_box(layout, BoxKind::internet, {internet_x, top, internet_w, height},
                    pool.pool_id + " Internet");
        layout.texts.push_back(
            {internet_x + pad, top + 18, size_text, TextRole::title, "Internet", internet});
        add_box(layout, BoxKind::firewall, {ext_fw_x, top, fw_w, height},
                pool.pool_id + " external firewall");
        add_box(layout, BoxKind::firewall, {int_fw_x, top, fw_w, height},
                pool.pool_id + " internal firewall");
        top = bottom + band_gap;
    }
    layout.height = top - band_gap + 8;
    return layout;
}

}  // namespace edgeplan::report::diagram
