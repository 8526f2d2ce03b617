#pragma once
// UDP STUN / MS-TURN reachability of an A/V Edge (catalogue PORT-EXT-12, PORT-INT-06, LB-09):
// sends an RFC 5389 Binding request and an unauthenticated MS-TURN Allocate, and reports which
// got an answer. Live backend: stun_prober.cpp.
#include <chrono>
#include <cstddef>
#include <memory>
#include <vector>

#include "checks/probes/observation.h"

namespace edgeplan::checks::probes {

class StunProber {
  public:
    virtual ~StunProber() = default;
    // One observation per probe, in probe order. Never throws for network conditions.
    virtual std::vector<StunObservation> probe(const std::vector<UdpStunProbe>& probes) = 0;
};

struct StunProberOptions {
    std::chrono::milliseconds timeout{3000};  // per probe, retransmissions included
    int retransmits = 2;  // extra sends of each unanswered request, spread over the timeout
    std::size_t max_in_flight = 256;
};

std::unique_ptr<StunProber> make_stun_prober(StunProberOptions options = {});

}  // namespace edgeplan::checks::probes
