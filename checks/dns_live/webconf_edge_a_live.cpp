#include "checks/dns_live/webconf_edge_a_live.h"

#include "checks/dns_live/external_edge_a.h"

namespace edgeplan::checks::dns_live {

std::unique_ptr<Check> make_webconf_edge_a_live_check() {
    return std::make_unique<AddressRecordCheck>(
        external_edge_a_spec("DNS-A-EXT-02", "Web Conferencing Edge", {"EXT"}));
}

}  // namespace edgeplan::checks::dns_live
