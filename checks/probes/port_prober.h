#pragma once
// TCP reachability as the port checks need it (catalogue PORT-EXT-*, PORT-INT-*): open, closed,
// filtered or unreachable per address:port. Live backend: epoll_port_prober.cpp.
#include <chrono>
#include <cstddef>
#include <memory>
#include <vector>

#include "checks/probes/observation.h"

namespace edgeplan::checks::probes {

class PortProber {
  public:
    virtual ~PortProber() = default;
    // One observation per probe, in probe order. Never throws for network conditions. Safe to
    // call from several threads at once (the probe runner's sweep and chain threads do).
    virtual std::vector<TcpObservation> probe(const std::vector<TcpProbe>& probes) = 0;
};

struct PortProberOptions {
    // Per connect attempt. All probes are in flight together (up to max_in_flight and the
    // open-file limit), so a run takes about one timeout, not one per probe.
    std::chrono::milliseconds timeout{3000};
    std::size_t max_in_flight = 8192;
};

// Non-blocking connects multiplexed with epoll; raises RLIMIT_NOFILE as needed.
std::unique_ptr<PortProber> make_epoll_port_prober(PortProberOptions options = {});

}  // namespace edgeplan::checks::probes
