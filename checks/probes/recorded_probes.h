#pragma once
// Probe backends over recorded observations: replay answers from a recording (--replay, and
// check tests), or wrap a live backend and keep what it observed (--record).
#include <mutex>
#include <stdexcept>

#include "checks/probes/observation.h"
#include "checks/probes/port_prober.h"
#include "checks/probes/resolver.h"
#include "checks/probes/stun_prober.h"
#include "checks/probes/tls_prober.h"
#include "checks/probes/token_echo_prober.h"
#include "checks/probes/xmpp_prober.h"

namespace edgeplan::checks::probes {

// A request the recording has no observation for. This is a tool failure (the check becomes an
// `error` finding via the runner), not evidence about the network.
class ReplayMissing : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

class ReplayResolver final : public Resolver {
  public:
    explicit ReplayResolver(const Observations& recording) : recording_(recording) {}
    std::vector<DnsAnswer> resolve(const std::vector<DnsQuery>& queries) override;

  private:
    const Observations& recording_;
};

class ReplayPortProber final : public PortProber {
  public:
    explicit ReplayPortProber(const Observations& recording) : recording_(recording) {}
    std::vector<TcpObservation> probe(const std::vector<TcpProbe>& probes) override;

  private:
    const Observations& recording_;
};

class ReplayStunProber final : public StunProber {
  public:
    explicit ReplayStunProber(const Observations& recording) : recording_(recording) {}
    std::vector<StunObservation> probe(const std::vector<UdpStunProbe>& probes) override;

  private:
    const Observations& recording_;
};

// Forward to a live backend and append every observation to `sink`.
class RecordingResolver final : public Resolver {
  public:
    RecordingResolver(Resolver& live, Observations& sink) : live_(live), sink_(sink) {}
    std::vector<DnsAnswer> resolve(const std::vector<DnsQuery>& queries) override;

  private:
    Resolver& live_;
    Observations& sink_;
};

// Under a lock: the probe runner's sweep and chain threads probe ports at the same time.
class RecordingPortProber final : public PortProber {
  public:
    RecordingPortProber(PortProber& live, Observations& sink) : live_(live), sink_(sink) {}
    std::vector<TcpObservation> probe(const std::vector<TcpProbe>& probes) override;

  private:
    PortProber& live_;
    Observations& sink_;
    std::mutex mutex_;
};

class RecordingStunProber final : public StunProber {
  public:
    RecordingStunProber(StunProber& live, Observations& sink) : live_(live), sink_(sink) {}
    std::vector<StunObservation> probe(const std::vector<UdpStunProbe>& probes) override;

  private:
    StunProber& live_;
    Observations& sink_;
};

// TLS and XMPP: replayed like the others; recorded under a lock because the probe runner
// calls them from several worker threads at once.
class ReplayTlsProber final : public TlsProber {
  public:
    explicit ReplayTlsProber(const Observations& recording) : recording_(recording) {}
    std::vector<TlsObservation> probe(const std::vector<TlsProbe>& probes) override;

  private:
    const Observations& recording_;
};

// Token echo (--from edge toward --responder): replayed by target, or recorded.
class ReplayTokenEchoProber final : public TokenEchoProber {
  public:
    explicit ReplayTokenEchoProber(const Observations& recording) : recording_(recording) {}
    std::vector<EchoResult> probe(const std::vector<EchoTarget>& targets) override;

  private:
    const Observations& recording_;
};

class ReplayXmppProber final : public XmppProber {
  public:
    explicit ReplayXmppProber(const Observations& recording) : recording_(recording) {}
    std::vector<XmppObservation> probe(const std::vector<XmppProbe>& probes) override;

  private:
    const Observations& recording_;
};

class RecordingTlsProber final : public TlsProber {
  public:
    RecordingTlsProber(TlsProber& live, Observations& sink) : live_(live), sink_(sink) {}
    std::vector<TlsObservation> probe(const std::vector<TlsProbe>& probes) override;

  private:
    TlsProber& live_;
    Observations& sink_;
    std::mutex mutex_;
};

class RecordingXmppProber final : public XmppProber {
  public:
    RecordingXmppProber(XmppProber& live, Observations& sink) : live_(live), sink_(sink) {}
    std::vector<XmppObservation> probe(const std::vector<XmppProbe>& probes) override;

  private:
    XmppProber& live_;
    Observations& sink_;
    std::mutex mutex_;
};

class RecordingTokenEchoProber final : public TokenEchoProber {
  public:
    RecordingTokenEchoProber(TokenEchoProber& live, Observations& sink)
        : live_(live), sink_(sink) {}
    std::vector<EchoResult> probe(const std::vector<EchoTarget>& targets) override;

  private:
    TokenEchoProber& live_;
    Observations& sink_;
};

}  // namespace edgeplan::checks::probes
