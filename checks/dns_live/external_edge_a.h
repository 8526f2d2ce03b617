#pragma once
// The live external A checks of the Edge roles (DNS-A-EXT-01 Access, -02 Web Conferencing, -03
// A/V): the same comparison and the same DNS summary pages, per role. Each check ID keeps its
// own file pair and doc; this builds the spec they share.
#include <string>
#include <vector>

#include "checks/dns_live/address_record_check.h"

namespace edgeplan::checks::dns_live {

// Spec of the check `id` for the Edge role named `role` ("A/V Edge"): the plan's external A
// records of rule `id`, answers a subset of the planned addresses, the DNS summaries of S1-S5
// and DNS load balancing as citations, and title, remediation and skip text naming the role.
AddressRecordSpec external_edge_a_spec(const std::string& id, const std::string& role,
                                       std::vector<std::string> scenarios);

}  // namespace edgeplan::checks::dns_live
