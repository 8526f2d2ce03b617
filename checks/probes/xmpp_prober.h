#pragma once
// XMPP server-to-server on the Access Edge's 5269 (catalogue PORT-EXT-01, CERT-XMPP-01,
// XMPP-05): open a jabber:server stream to the XMPP domain, read the features (STARTTLS,
// dialback, SASL mechanisms), negotiate STARTTLS when offered and keep the certificate chain.
// Live backend: xmpp_starttls_prober.cpp.
#include <chrono>
#include <memory>
#include <vector>

#include "checks/probes/tls_observation.h"
#include "checks/probes/xmpp_stream.h"

namespace edgeplan::checks::probes {

class XmppProber {
  public:
    virtual ~XmppProber() = default;
    // One observation per probe, in order. Never throws for network conditions.
    virtual std::vector<XmppObservation> probe(const std::vector<XmppProbe>& probes) = 0;
};

struct XmppProberOptions {
    // Each operation (connect, reading the header and features, reading <proceed/>, the TLS
    // handshake) has its own deadline this long: a peer that trickles bytes forever ends as
    // limit_exceeded when the operation's time is up.
    std::chrono::milliseconds timeout{5000};
    XmppStreamLimits limits;
};

std::unique_ptr<XmppProber> make_xmpp_starttls_prober(XmppProberOptions options = {});

}  // namespace edgeplan::checks::probes
