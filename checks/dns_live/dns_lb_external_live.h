#pragma once
// DNS-LB-01 (live): A DNS load balanced Edge pool publishes one external A record per member for
// each service FQDN. Doc: docs/checks/DNS-LB-01.md.
#include <memory>

#include "checks/check.h"

namespace edgeplan::checks::dns_live {

std::unique_ptr<Check> make_dns_lb_external_live_check();

}  // namespace edgeplan::checks::dns_live
