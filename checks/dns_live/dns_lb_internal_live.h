#pragma once
// DNS-LB-02 (live): Internal DNS resolves a DNS load balanced Edge pool FQDN to every member
// internal address. Doc: docs/checks/DNS-LB-02.md.
#include <memory>

#include "checks/check.h"

namespace edgeplan::checks::dns_live {

std::unique_ptr<Check> make_dns_lb_internal_live_check();

}  // namespace edgeplan::checks::dns_live
