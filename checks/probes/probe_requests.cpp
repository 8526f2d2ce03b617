#include "checks/probes/probe_requests.h"

namespace edgeplan::checks::probes {

const char* to_string(DnsView view) { return view == DnsView::internal ? "internal" : "external"; }

bool DnsLookup::operator==(const DnsLookup& other) const {
    return name == other.name && type == other.type && view == other.view &&
           follow_srv_targets == other.follow_srv_targets;
}

}  // namespace edgeplan::checks::probes
