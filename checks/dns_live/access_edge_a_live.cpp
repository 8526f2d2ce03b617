#include "checks/dns_live/access_edge_a_live.h"

#include "checks/dns_live/external_edge_a.h"

namespace edgeplan::checks::dns_live {

// The Access Edge row also covers sip.<domain>, so its title and fix say so.
std::unique_ptr<Check> make_access_edge_a_live_check() {
    AddressRecordSpec spec =
        external_edge_a_spec("DNS-A-EXT-01", "Access Edge", {"EXT", "FED", "PIC"});
    spec.info.title =
        "External DNS resolves the Access Edge FQDN and sip.<domain> to the planned Access Edge "
        "addresses";
    spec.info.remediation =
        "Publish an external A record for the Access Edge FQDN (and sip.<domain>) with the planned "
        "address";
    return std::make_unique<AddressRecordCheck>(std::move(spec));
}

}  // namespace edgeplan::checks::dns_live
