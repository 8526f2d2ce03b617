#pragma once
// Files an administrator applies as they are (`edgeplan plan --emit-zone/--emit-csr/
// --emit-firewall DIR`). Each returns the paths it wrote, all written atomically.
#include <string>
#include <vector>

#include "topology/plan.h"

namespace edgeplan::report {

// zone_export.cpp: one RFC 1035 fragment per zone (<zone>.<external|internal>.zone, $ORIGIN,
// no SOA/NS) and one PowerShell script of Add-DnsServerResourceRecord* lines beside each.
std::vector<std::string> write_zone_files(const topology::Plan& plan, const std::string& dir);

// csr_export.cpp: one OpenSSL req config (<pool>-<use>.cnf) and one certreq INF per
// certificate request.
std::vector<std::string> write_csr_files(const topology::Plan& plan, const std::string& dir);

// firewall_export.cpp: firewall.csv and firewall.nft (accepted by `nft -c -f`).
std::vector<std::string> write_firewall_files(const topology::Plan& plan, const std::string& dir);

}  // namespace edgeplan::report
