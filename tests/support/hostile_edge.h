#pragma once
// Shared by the end-to-end tests of `edgeplan check` (check_command_hostile_test.cpp and
// check_command_nsd_test.cpp in tests/checks_live, check_tls_hostile_test.cpp in tests/hostile):
// a one-Edge federating topology on chosen loopback addresses (whose Access Edge a hostile peer
// may play), and a private network namespace for the test process.
#include <sched.h>
#include <unistd.h>

#include <string>

#include "tests/probes/test_support.h"

namespace edgeplan::hostile_edge {

struct SingleEdge {
    std::string name;    // the topology's name
    std::string domain;  // the SIP domain; the external FQDNs are sip./webcon./av.<domain>
    std::string access;  // the Access Edge address (where the hostile peer listens)
    std::string webconf;
    std::string av;
    std::string front_end;
    std::string edge_internal;
};

inline std::string single_edge_topology(const SingleEdge& e) {
    return R"(<?xml version="1.0" encoding="utf-8"?>
<Topology xmlns="urn:edgeplan:topology:1" name=")" +
           e.name + R"(">
  <SipDomains><SipDomain name=")" +
           e.domain + R"(" default="true"/></SipDomains>
  <Sites>
    <Site id="hq" name="HQ" federationRoute="edge">
      <FrontEndPool id="pool01" fqdn="pool01.corp.test" edgePool="edge" cms="true">
        <Server fqdn="fe01.corp.test" ip=")" +
           e.front_end + R"("/>
      </FrontEndPool>
      <EdgePool id="edge" internalFqdn="edge01.corp.test" loadBalancing="single"
                federation="true" nextHop="pool01">
        <External>
          <Access fqdn="sip.)" +
           e.domain + R"("/>
          <WebConferencing fqdn="webcon.)" +
           e.domain + R"("/>
          <AudioVideo fqdn="av.)" +
           e.domain + R"("/>
        </External>
        <Member internalFqdn="edge01.corp.test" internalIp=")" +
           e.edge_internal + R"(">
          <Address service="access" ip=")" +
           e.access + R"("/>
          <Address service="webconf" ip=")" +
           e.webconf + R"("/>
          <Address service="av" ip=")" +
           e.av + R"("/>
        </Member>
      </EdgePool>
    </Site>
  </Sites>
  <Federation enabled="true" partnerDiscovery="true" routing="dnsSrv"/>
  <ExternalAccessPolicies><Policy name="Global" federation="true" outside="true"/></ExternalAccessPolicies>
</Topology>
)";
}

// A fresh network namespace for this test process with only lo up (root), else nothing: the
// peers and edgeplan then share the host's loopback.
inline bool enter_private_netns() {
    if (::geteuid() != 0 || ::unshare(CLONE_NEWNET) != 0) return false;
    probes_test::TempDir dir;
    return probes_test::run_command({probes_test::find_program("ip"), "link", "set", "lo", "up"},
                                    dir.path() / "ip.log") == 0;
}

}  // namespace edgeplan::hostile_edge
