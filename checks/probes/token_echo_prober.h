#pragma once
// The client side of the token-echo protocol (docs/responder.md): probes many (address, port,
// transport) targets at once against `edgeplan listen` and classifies what the path did.
// Checks and tests see only TokenEchoProber and EchoResult; the epoll code stays in the .cpp.
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "topology/plan.h"

namespace edgeplan::checks::probes {

enum class EchoStatus {
    echoed,        // the responder answered with our token: open through the firewall
    wrong_answer,  // something answered, but not the responder with our token
    closed,        // TCP RST, ICMP port/host unreachable: nothing listens or a firewall rejects
    silent,        // no answer before the deadline: dropped by a firewall (filtered)
    error,         // the prober could not probe this target (bad address, out of descriptors)
};
const char* to_string(EchoStatus status);

struct EchoTarget {
    std::string address;  // numeric IPv4 or IPv6
    int port = 0;
    topology::Transport transport = topology::Transport::tcp;
};

struct EchoResult {
    EchoTarget target;
    EchoStatus status = EchoStatus::error;
    std::string detail;  // one line: "connection refused", "answered: SSH-2.0-..."
    std::string role;    // the responder's role when echoed
    std::int64_t elapsed_ms = 0;
};

struct TokenEchoOptions {
    // Source address of every probe. Linux picks ephemeral ports in 32768-60999, which overlaps
    // the media range 50000-59999, so a probe from the target's own address could connect to
    // itself: a target equal to this address is refused (status error).
    std::string source_address;
    std::string token;  // empty: a fresh random token per run
    std::chrono::milliseconds deadline{std::chrono::seconds(5)};  // one deadline for all
    std::size_t max_in_flight = 1024;                             // sockets open at once
    // Probes started per second; stays below the responder's per-source reply limit (1000/s)
    // even with UDP retries. 0 = no pacing.
    int max_starts_per_second = 300;
    int udp_attempts = 3;  // a datagram or its answer may be lost
    std::chrono::milliseconds udp_retry_interval{700};
    std::size_t max_targets = 40000;  // more are refused (status error)
};

class TokenEchoProber {
  public:
    virtual ~TokenEchoProber() = default;
    // One result per target, in the targets' order.
    virtual std::vector<EchoResult> probe(const std::vector<EchoTarget>& targets) = 0;
};

std::unique_ptr<TokenEchoProber> make_token_echo_prober(TokenEchoOptions options);

}  // namespace edgeplan::checks::probes
