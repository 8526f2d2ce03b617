#include "checks/dns_live/av_edge_a_live.h"

#include "checks/dns_live/external_edge_a.h"

namespace edgeplan::checks::dns_live {

std::unique_ptr<Check> make_av_edge_a_live_check() {
    return std::make_unique<AddressRecordCheck>(
        external_edge_a_spec("DNS-A-EXT-03", "A/V Edge", {"EXT"}));
}

}  // namespace edgeplan::checks::dns_live
