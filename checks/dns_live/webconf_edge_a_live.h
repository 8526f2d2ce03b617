#pragma once
// DNS-A-EXT-02 (live): External DNS resolves the Web Conferencing Edge FQDN to its planned
// addresses. Doc: docs/checks/DNS-A-EXT-02.md.
#include <memory>

#include "checks/check.h"

namespace edgeplan::checks::dns_live {

std::unique_ptr<Check> make_webconf_edge_a_live_check();

}  // namespace edgeplan::checks::dns_live
