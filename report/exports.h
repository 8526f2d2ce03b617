#pragma once
// Files an administrator applies as they are (`edgeplan plan --emit-zone/--emit-csr/
// --emit-firewall DIR`). Each returns the paths it wrote, all written atomically.
#include <string>
#include <vector>

#include "checks/finding.h"
#include "topology/plan.h"

namespace edgeplan::report {

// Every export is safe to apply as written (docs/exports.md): a row that a failing or warning
// finding judges, or that rests on a fact no input states, carries a comment saying so, and
// what cannot be applied (a firewall rule with an unknown side, a withheld DNS record) is
// written commented out.

// zone_export.cpp: one RFC 1035 fragment per zone (<zone>.<external|internal>.zone, $ORIGIN,
// no SOA/NS) and one PowerShell script of Add-DnsServerResourceRecord* lines beside each.
// `findings`: the plan's offline findings, for the comments.
std::vector<std::string> write_zone_files(const topology::Plan& plan, const std::string& dir,
                                          const std::vector<checks::Finding>& findings = {});

// csr_export.cpp: one OpenSSL req config (<pool>-<use>.cnf) and one certreq INF per
// certificate request.
std::vector<std::string> write_csr_files(const topology::Plan& plan, const std::string& dir,
                                         const std::vector<checks::Finding>& findings = {});

// firewall_export.cpp: firewall.csv, firewall.nft (accepted by `nft -c -f`) and firewall.ps1
// (New-NetFirewallRule lines for each Edge server's own Windows firewall).
std::vector<std::string> write_firewall_files(const topology::Plan& plan, const std::string& dir);

}  // namespace edgeplan::report
