#pragma once
// DNS lookups as the DNS checks need them (STYLE.md: probes behind small interfaces). The live
// backend is ldns_resolver.cpp; tests and --replay use recorded answers instead.
#include <chrono>
#include <cstddef>
#include <istream>
#include <memory>
#include <string>
#include <vector>

#include "checks/probes/observation.h"

namespace edgeplan::checks::probes {

class Resolver {
  public:
    virtual ~Resolver() = default;
    // One answer per query, in query order. Network trouble is an outcome, never an exception.
    virtual std::vector<DnsAnswer> resolve(const std::vector<DnsQuery>& queries) = 0;
};

struct ResolverOptions {
    // Per query, covering UDP retransmissions, the TCP retry and CNAME follow-up queries.
    std::chrono::milliseconds timeout{3000};
    int udp_retransmits = 1;         // extra UDP sends, spread evenly over the timeout
    std::size_t max_in_flight = 64;  // queries outstanding at once
    int max_cname_hops = 8;          // longer chains (or loops) are reported as malformed
};

// Asynchronous UDP resolver (TCP retry on TC=1) built on ldns packet code and epoll.
std::unique_ptr<Resolver> make_ldns_resolver(ResolverOptions options = {});

// The "nameserver" lines of a resolv.conf, in file order, as DnsQuery::server strings.
std::vector<std::string> parse_resolv_conf(std::istream& input);
// Whether `text` is ADDR[:PORT] or [ADDR6]:PORT with a literal IP and a port in 1..65535:
// the form --dns-server, --internal-dns-server and resolv.conf servers must have.
bool is_dns_server_address(const std::string& text);

// The usable servers of the system configuration, and when there is none, why not (the file
// cannot be read, is not a regular file, or has no nameserver line with an IP address).
struct SystemResolvers {
    std::vector<std::string> servers;
    std::string problem;
};
SystemResolvers read_system_resolvers(const std::string& path = "/etc/resolv.conf");

}  // namespace edgeplan::checks::probes
