// SCAFFOLD: replaced by zone_export.cpp, csr_export.cpp and firewall_export.cpp.
#include "report/exports.h"
namespace edgeplan::report {
std::vector<std::string> write_zone_files(const topology::Plan&, const std::string&) { return {}; }
std::vector<std::string> write_csr_files(const topology::Plan&, const std::string&) { return {}; }
std::vector<std::string> write_firewall_files(const topology::Plan&, const std::string&) {
    return {};
}
}  // namespace edgeplan::report
