#pragma once
// What a topology change does to the plan and to the offline findings (`edgeplan diff`,
// docs/diff-format.md). Pure: two plans and two finding lists in, a Diff out; no I/O.
#include <optional>
#include <string>
#include <vector>

#include "checks/finding.h"
#include "report/report.h"
#include "topology/plan.h"

namespace edgeplan::report {

// Set difference of two address or name lists (sorted, duplicates dropped).
struct SetChange {
    std::vector<std::string> added;
    std::vector<std::string> removed;
    bool empty() const { return added.empty() && removed.empty(); }
};

// A firewall rule present on both sides (same identity) whose addresses differ.
struct FirewallChange {
    topology::FirewallRule before;
    topology::FirewallRule after;
    SetChange source;
    SetChange destination;
    SetChange probe;
};

// A certificate of the same (pool, use) on both sides whose subject, SANs or EKUs differ.
struct CertificateChange {
    topology::CertificateRequest before;
    topology::CertificateRequest after;
    SetChange sans;
    SetChange ekus;  // serverAuth, clientAuth
};

// A certificate the topology declares (<Certificate>, docs/topology-format.md): planned names,
// or an existing file and what that file holds. The app fills it from the model and the files
// read (app/diff_command.cpp); the diff only compares.
struct DeclaredCertificate {
    std::string pool_id;
    topology::CertificateUse use = topology::CertificateUse::external;
    std::string file;               // as written in the topology; empty for a planned certificate
    std::string subject;            // the planned subject, else the file's subject CN
    std::vector<std::string> sans;  // the planned SANs, else the file's SAN DNS names
    std::vector<std::string> ekus;  // serverAuth, clientAuth (stated, or in the file); other OIDs
    std::string not_after;          // the file's expiry, ISO 8601 UTC; empty when planned
    topology::SourceLocation where;
};

// A declared certificate of the same (pool, use) on both sides whose file, subject, SANs, EKUs
// or expiry differ.
struct DeclaredCertificateChange {
    DeclaredCertificate before;
    DeclaredCertificate after;
    SetChange sans;
    SetChange ekus;
};

// One (check ID, subject) whose gate weight changed (fail > warn > anything else).
struct FindingChange {
    std::string check_id;
    std::string subject;
    std::optional<checks::Status> before;  // nullopt: no such finding on the old side
    std::optional<checks::Status> after;   // nullopt: no such finding on the new side
    std::string message;                   // the new side's, else the old side's
};

struct Diff {
    std::vector<topology::DnsRecord> dns_added, dns_removed;
    std::vector<topology::FirewallRule> firewall_added, firewall_removed;
    std::vector<FirewallChange> firewall_changed;
    std::vector<topology::CertificateRequest> certificates_added, certificates_removed;
    std::vector<CertificateChange> certificates_changed;
    std::vector<DeclaredCertificate> declared_added, declared_removed;
    std::vector<DeclaredCertificateChange> declared_changed;
    std::vector<FindingChange> findings_new;       // fail/warn now, lighter or absent before
    std::vector<FindingChange> findings_resolved;  // fail/warn before, lighter or absent now
    int findings_unchanged = 0;                    // fail/warn with the same status on both sides

    bool plan_changed() const;
};

// Identities (docs/diff-format.md): DNS record (zone kind, name, type, value, port, priority,
// weight); firewall rule (pool, side, direction, transport, ports, rule ID, destination label);
// certificate (pool, use); finding (check ID, subject). Added and removed items keep the order
// of their plan; finding changes are sorted by (check ID, subject).
// Declared certificates are matched by (pool, use).
Diff diff_plans(const topology::Plan& old_plan, const std::vector<checks::Finding>& old_findings,
                const topology::Plan& new_plan, const std::vector<checks::Finding>& new_findings,
                const std::vector<DeclaredCertificate>& old_declared = {},
                const std::vector<DeclaredCertificate>& new_declared = {});

// The number of plan rows added, removed or changed (DNS, firewall, certificates).
int plan_change_count(const Diff& diff);

// Everything the diff renderers see (report/diff_renderer.h).
struct DiffReport {
    std::string tool_version;
    std::string now;                // --now, ISO 8601
    std::vector<InputFile> inputs;  // roles old-topology, old-settings, new-topology, new-settings
    std::vector<std::pair<std::string, std::string>> options;
    Diff diff;
};

}  // namespace edgeplan::report
