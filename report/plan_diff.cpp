#include "report/plan_diff.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace edgeplan::report {
namespace {

using topology::CertificateRequest;
using topology::DnsRecord;
using topology::FirewallRule;

using DnsKey = std::tuple<int, std::string, int, std::string, int, int, int>;
DnsKey key_of(const DnsRecord& r) {
    return {static_cast<int>(r.zone_kind),
            r.name,
            static_cast<int>(r.type),
            r.value,
            r.port,
            r.priority,
            r.weight};
}

using RuleKey = std::tuple<std::string, int, int, int, int, int, std::string, std::string>;
RuleKey key_of(const FirewallRule& r) {
    return {r.pool_id,
            static_cast<int>(r.side),
            static_cast<int>(r.direction),
            static_cast<int>(r.transport),
            r.port_from,
            r.port_to,
            r.rule,
            r.destination.label};
}

using CertKey = std::pair<std::string, int>;
CertKey key_of(const CertificateRequest& c) { return {c.pool_id, static_cast<int>(c.use)}; }
CertKey key_of(const DeclaredCertificate& c) { return {c.pool_id, static_cast<int>(c.use)}; }

std::vector<std::string> strings_of(const std::vector<topology::InternedText>& texts) {
    return {texts.begin(), texts.end()};
}

SetChange set_change(std::vector<std::string> before, std::vector<std::string> after) {
    std::sort(before.begin(), before.end());
    before.erase(std::unique(before.begin(), before.end()), before.end());
    std::sort(after.begin(), after.end());
    after.erase(std::unique(after.begin(), after.end()), after.end());
    SetChange out;
    std::set_difference(after.begin(), after.end(), before.begin(), before.end(),
                        std::back_inserter(out.added));
    std::set_difference(before.begin(), before.end(), after.begin(), after.end(),
                        std::back_inserter(out.removed));
    return out;
}

std::vector<std::string> eku_names(const CertificateRequest& c) {
    std::vector<std::string> out;
    for (topology::ExtendedKeyUsage e : c.ekus) out.push_back(to_string(e));
    return out;
}

// Pairs items of equal identity in plan order (the n-th old with the n-th new); unpaired old
// items are removed, unpaired new ones added, and `changed` sees each pair.
template <typename T, typename Changed>
void match(const std::vector<T>& before, const std::vector<T>& after, std::vector<T>& added,
           std::vector<T>& removed, Changed changed) {
    using Key = decltype(key_of(before.front()));
    std::map<Key, std::vector<std::size_t>> unpaired_new;
    for (std::size_t i = 0; i < after.size(); ++i) unpaired_new[key_of(after[i])].push_back(i);
    std::vector<bool> paired(after.size(), false);
    std::map<Key, std::size_t> used;
    for (const T& old_item : before) {
        const Key key = key_of(old_item);
        const auto it = unpaired_new.find(key);
        std::size_t& n = used[key];
        if (it == unpaired_new.end() || n >= it->second.size()) {
            removed.push_back(old_item);
            continue;
        }
        const std::size_t j = it->second[n++];
        paired[j] = true;
        changed(old_item, after[j]);
    }
    for (std::size_t j = 0; j < after.size(); ++j) {
        if (!paired[j]) added.push_back(after[j]);
    }
}

// How much a status weighs on the gate: fail 2, warn 1, anything else 0.
int weight(const std::optional<checks::Status>& s) {
    if (!s) return 0;
    return *s == checks::Status::fail ? 2 : *s == checks::Status::warn ? 1 : 0;
}

void diff_findings(const std::vector<checks::Finding>& before,
                   const std::vector<checks::Finding>& after, Diff& out) {
    std::map<FindingKey, FindingChange> all;
    for (const checks::Finding& f : before) {
        FindingChange& c = all[{f.check_id, f.subject}];
        c.check_id = f.check_id;
        c.subject = f.subject;
        c.before = f.status;
        c.message = f.message;
    }
    for (const checks::Finding& f : after) {
        FindingChange& c = all[{f.check_id, f.subject}];
        c.check_id = f.check_id;
        c.subject = f.subject;
        c.after = f.status;
        c.message = f.message;
    }
    for (auto& [key, change] : all) {
        const int was = weight(change.before);
        const int is = weight(change.after);
        if (is > was) {
            out.findings_new.push_back(std::move(change));
        } else if (was > is) {
            out.findings_resolved.push_back(std::move(change));
        } else if (is > 0) {
            ++out.findings_unchanged;
        }
    }
}

}  // namespace

bool Diff::plan_changed() const { return plan_change_count(*this) > 0; }

int plan_change_count(const Diff& d) {
    return static_cast<int>(d.dns_added.size() + d.dns_removed.size() + d.firewall_added.size() +
                            d.firewall_removed.size() + d.firewall_changed.size() +
                            d.certificates_added.size() + d.certificates_removed.size() +
                            d.certificates_changed.size() + d.declared_added.size() +
                            d.declared_removed.size() + d.declared_changed.size());
}

Diff diff_plans(const topology::Plan& old_plan, const std::vector<checks::Finding>& old_findings,
                const topology::Plan& new_plan, const std::vector<checks::Finding>& new_findings,
                const std::vector<DeclaredCertificate>& old_declared,
                const std::vector<DeclaredCertificate>& new_declared) {
    Diff d;
    match(old_plan.dns, new_plan.dns, d.dns_added, d.dns_removed,
          [](const DnsRecord&, const DnsRecord&) {});
    match(old_plan.firewall, new_plan.firewall, d.firewall_added, d.firewall_removed,
          [&](const FirewallRule& a, const FirewallRule& b) {
              FirewallChange c{a, b, set_change(a.source.addresses, b.source.addresses),
                               set_change(a.destination.addresses, b.destination.addresses),
                               set_change(a.probe_addresses, b.probe_addresses)};
              // Probe addresses are where edgeplan connects, not what a firewall matches. On
              // the external side they are the public (NAT) addresses the external firewall
              // publishes, a real change; on the internal side they only restate the
              // destination, so a change there alone is no firewall change.
              const bool probe_counts = b.side == topology::FirewallSide::external;
              if (!probe_counts) c.probe = {};
              if (!c.source.empty() || !c.destination.empty() || !c.probe.empty()) {
                  d.firewall_changed.push_back(std::move(c));
              }
          });
    match(old_plan.certificates, new_plan.certificates, d.certificates_added,
          d.certificates_removed, [&](const CertificateRequest& a, const CertificateRequest& b) {
              CertificateChange c{a, b, set_change(strings_of(a.sans), strings_of(b.sans)),
                                  set_change(eku_names(a), eku_names(b))};
              if (a.subject != b.subject || !c.sans.empty() || !c.ekus.empty()) {
                  d.certificates_changed.push_back(std::move(c));
              }
          });
    match(old_declared, new_declared, d.declared_added, d.declared_removed,
          [&](const DeclaredCertificate& a, const DeclaredCertificate& b) {
              DeclaredCertificateChange c{a, b, set_change(a.sans, b.sans),
                                          set_change(a.ekus, b.ekus)};
              if (a.file != b.file || a.subject != b.subject || a.not_after != b.not_after ||
                  !c.sans.empty() || !c.ekus.empty()) {
                  d.declared_changed.push_back(std::move(c));
              }
          });
    diff_findings(old_findings, new_findings, d);
    return d;
}

}  // namespace edgeplan::report
