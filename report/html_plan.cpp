// Plan section: the DNS, firewall, certificate and unknown tables of the plan, each row with a
// "Findings" column listing every finding about it, offline and live (plan_verification.h), or
// saying that none looked at it, so a reviewer sees which planned items a run actually judged.
// Each table scrolls inside its own box: a wide table never widens the page.
#include <string>
#include <vector>

#include "report/html_dom.h"
#include "report/html_sections.h"
#include "report/plan_verification.h"
#include "topology/strings.h"

namespace edgeplan::report::html {
namespace {

using strings::join;

pugi::xml_node table_with(pugi::xml_node section, const char* title, const char* css,
                          const std::vector<const char*>& headers) {
    element(section, "h3", title, {});
    pugi::xml_node table = element(scroll_box(section), "table", {{"class", css}});
    pugi::xml_node head = element(element(table, "thead"), "tr");
    for (const char* h : headers) element(head, "th", h, {});
    element(head, "th", "Findings", {});
    return element(table, "tbody");
}

void cells(pugi::xml_node tr, const std::vector<std::string>& values) {
    for (const std::string& v : values) element(tr, "td", v, {});
}

// Catalogue IDs read badly when broken at their hyphens.
void rule_cell(pugi::xml_node tr, const std::string& rule) {
    element(tr, "td", rule, {{"class", "nowrap"}});
}

void verified_cell(pugi::xml_node tr, const Report& r, const FindingRefs& refs) {
    pugi::xml_node td = element(tr, "td", {{"class", "verified"}});
    if (refs.empty()) {
        element(td, "span", unmatched_row_words(r), {{"class", "not-probed"}});
        return;
    }
    for (std::size_t i : refs) {
        const checks::Finding& f = r.findings[i];
        pugi::xml_node item = element(td, "div");
        status_badge(item, f.status, finding_anchor(i));
        element(item, "code", f.check_id, {});
    }
}

void none_row(pugi::xml_node body, std::size_t columns) {
    pugi::xml_node tr = element(body, "tr");
    element(tr, "td", "(none)", {{"colspan", std::to_string(columns)}, {"class", "muted"}});
}

void dns_table(pugi::xml_node section, const Report& r, const PlanVerification& verified,
               PageWriter& page) {
    pugi::xml_node body = table_with(
        section, "DNS records", "plan-dns",
        {"Zone", "Name", "Type", "Value", "Priority / weight / port", "Purpose", "Rule"});
    for (const topology::DnsRecord& d : r.plan.dns) {
        pugi::xml_node tr = element(body, "tr");
        const bool srv = d.type == topology::DnsRecordType::srv;
        cells(tr, {std::string(to_string(d.zone_kind)) + " " + d.zone, d.name, to_string(d.type),
                   d.value,
                   srv ? std::to_string(d.priority) + " / " + std::to_string(d.weight) + " / " +
                             std::to_string(d.port)
                       : "",
                   d.purpose});
        rule_cell(tr, d.rule);
        verified_cell(tr, r, verified.findings_for(d));
        page.row_added(body);
    }
    if (r.plan.dns.empty()) none_row(body, 8);
}

std::string endpoint(const topology::RuleEndpoint& e) {
    if (e.addresses.empty()) return e.label;
    return e.label + " (" + join(e.addresses, ", ") + ")";
}

void firewall_table(pugi::xml_node section, const Report& r, const PlanVerification& verified,
                    PageWriter& page) {
    pugi::xml_node body = table_with(
        section, "Firewall rules", "plan-firewall",
        {"Side", "Direction", "Protocol", "Ports", "Source", "Destination", "Purpose", "Rule"});
    for (const topology::FirewallRule& f : r.plan.firewall) {
        pugi::xml_node tr = element(body, "tr");
        const std::string ports = topology::port_range_text(f);
        cells(tr, {to_string(f.side), to_string(f.direction),
                   std::string(to_string(f.transport)) + " " + f.protocol, ports,
                   endpoint(f.source), endpoint(f.destination), f.purpose});
        // The catalogue table row labels (X5, I2, V3) mean nothing to a Lync admin; the catalogue
        // ID and the Purpose column beside it say the same in their words.
        rule_cell(tr, f.rule);
        verified_cell(tr, r, verified.findings_for(f));
        page.row_added(body);
    }
    if (r.plan.firewall.empty()) none_row(body, 9);
}

void certificate_table(pugi::xml_node section, const Report& r, const PlanVerification& verified,
                       PageWriter& page) {
    pugi::xml_node body = table_with(
        section, "Certificates required", "plan-certificates",
        {"Pool", "Use", "Subject", "SANs", "EKUs", "Exportable key", "Public CA", "Rules"});
    for (const topology::CertificateRequest& c : r.plan.certificates) {
        pugi::xml_node tr = element(body, "tr");
        std::vector<std::string> ekus;
        for (topology::ExtendedKeyUsage e : c.ekus) ekus.emplace_back(to_string(e));
        cells(tr,
              {c.pool_id, to_string(c.use), c.subject, join(c.sans, ", "), join(ekus, ", "),
               c.exportable_key ? "yes" : "no", c.public_ca ? "yes" : "no", join(c.rules, ", ")});
        verified_cell(tr, r, verified.findings_for(c));
        page.row_added(body);
    }
    if (r.plan.certificates.empty()) none_row(body, 9);
}

void unknown_table(pugi::xml_node section, const Report& r, const PlanVerification& verified,
                   PageWriter& page) {
    if (r.plan.unknowns.empty()) return;
    pugi::xml_node body = table_with(section, "Unknowns (facts the inputs do not state)",
                                     "plan-unknowns", {"What", "Subject", "Rule", "Source"});
    for (const topology::Unknown& u : r.plan.unknowns) {
        pugi::xml_node tr = element(body, "tr");
        cells(tr, {u.what, u.subject, location_text(u.where)});
        rule_cell(tr, u.rule);
        verified_cell(tr, r, verified.findings_for(u));
        page.row_added(body);
    }
}

}  // namespace

void add_plan(pugi::xml_node main, const Report& report, PageWriter& page) {
    pugi::xml_node section = element(main, "section", {{"id", "plan"}});
    element(section, "h2", "Plan", {});
    element(section, "p",
            "What the topology requires. \"Findings\" lists every finding about each row, "
            "offline rules and probes alike; \"no finding\" or \"not probed\" means no check "
            "of this run looked at it.",
            {{"class", "muted"}});
    const PlanVerification verified(report);  // one index for all rows
    dns_table(section, report, verified, page);
    firewall_table(section, report, verified, page);
    certificate_table(section, report, verified, page);
    unknown_table(section, report, verified, page);
}

}  // namespace edgeplan::report::html
